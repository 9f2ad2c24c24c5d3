/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * qr.c - QR codes made by libqrencode, in the program (see qr.h).
 */
#include "model/qr.h"

#include <stdlib.h>
#include <string.h>

#include "build-config.h"
#ifdef ENABLE_QR
#include <qrencode.h>
#endif

#include "common/xalloc.h"

#define QUIET 4

/* Appends s to *buf (MECARD-escaped when escape), growing it. */
static void
put(char **buf, size_t *len, const char *s, bool escape)
{
	size_t n = strlen(s);

	*buf = xreallocarray(*buf, *len + 2 * n + 1, 1);
	for (; *s != '\0'; s++) {
		if (escape && strchr("\\;,:\"", *s) != NULL)
			(*buf)[(*len)++] = '\\';
		(*buf)[(*len)++] = *s;
	}
	(*buf)[*len] = '\0';
}

/* Returns the field name of v, or NULL. */
static const char *
field(const struct model_view *v, const char *name)
{
	for (size_t i = 0; i < v->npara; i++)
		if (v->para[i].style == MODEL_FIELD && v->para[i].name != NULL &&
		    strcmp(v->para[i].name, name) == 0)
			return v->para[i].text;
	return NULL;
}

/*
 * Returns the phone number at the start of s ("065/61.18.50 (inscriptions)"
 * gives "065/61.18.50"), or NULL.
 */
static char *
leading_number(const char *s)
{
	size_t n = strspn(s, "+0123456789 ./-");

	while (n > 0 && strchr(" ./-", s[n - 1]) != NULL)
		n--;
	return n >= 3 ? xstrndup(s, n) : NULL;
}

/* Returns the first word of s that holds an @, or NULL. */
static char *
first_email(const char *s)
{
	const char *at = strchr(s, '@'), *a, *b;

	if (at == NULL)
		return NULL;
	for (a = at; a > s && a[-1] != ' '; a--)
		;
	b = at + strcspn(at, " ()");
	return xstrndup(a, (size_t)(b - a));
}

/* Returns the payload of a QR code for v. */
char *
qr_payload(const struct model_view *v)
{
	const char *web = field(v, "website"), *address = field(v, "address");
	char *phone = field(v, "phone") ? leading_number(field(v, "phone")) : NULL;
	char *email = field(v, "email") ? first_email(field(v, "email")) : NULL;
	char *out = NULL;
	size_t len = 0;

	if (v->kind != KIND_CONTACT) {
		free(phone);
		free(email);
		return web != NULL ? xstrdup(web) : NULL;
	}
	put(&out, &len, "MECARD:N:", false);
	put(&out, &len, v->title, true);
	put(&out, &len, ";", false);
	if (phone != NULL) {
		put(&out, &len, "TEL:", false);
		put(&out, &len, phone, true);
		put(&out, &len, ";", false);
	}
	if (email != NULL) {
		put(&out, &len, "EMAIL:", false);
		put(&out, &len, email, true);
		put(&out, &len, ";", false);
	}
	if (address != NULL) {
		put(&out, &len, "ADR:", false);
		put(&out, &len, address, true);
		put(&out, &len, ";", false);
	}
	if (web != NULL) {
		put(&out, &len, "URL:", false);
		put(&out, &len, web, true);
		put(&out, &len, ";", false);
	}
	put(&out, &len, ";", false);
	free(phone);
	free(email);
	return out;
}

/* Returns true when the program was built with libqrencode. */
bool
qr_available(void)
{
#ifdef ENABLE_QR
	return true;
#else
	return false;
#endif
}

/* Encodes payload with its quiet zone. */
int
qr_encode(const char *payload, struct qr *out)
{
#ifdef ENABLE_QR
	QRcode *code;
	size_t size;

	memset(out, 0, sizeof *out);
	/* Version chosen by the library, level M, case kept; 8-bit data
	   where the text is not digits or upper-case letters. */
	code = QRcode_encodeString(payload, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (code == NULL)
		return -1;
	out->size = code->width + 2 * QUIET;
	size = (size_t)out->size;
	out->dark = xcalloc(size * size, 1);
	for (int y = 0; y < code->width; y++) {
		unsigned char *row = out->dark + (size_t)(y + QUIET) * size +
		                     QUIET;

		/* Bit 0 of each byte: the module is dark. */
		for (int x = 0; x < code->width; x++)
			row[x] = code->data[y * code->width + x] & 1;
	}
	QRcode_free(code);
	return 0;
#else
	memset(out, 0, sizeof *out);
	(void)payload;
	return -1;
#endif
}

/* Frees q. */
void
qr_free(struct qr *q)
{
	free(q->dark);
	memset(q, 0, sizeof *q);
}
