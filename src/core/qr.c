/*
 * qr.c - QR codes with libqrencode (see qr.h).
 */
#include "core/qr.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

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

	if (strcmp(v->kind, "contact") != 0) {
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

/* Encodes payload with its quiet zone. */
int
qr_encode(const char *payload, struct qr *out)
{
	QRcode *code = QRcode_encodeString8bit(payload, 0, QR_ECLEVEL_M);

	memset(out, 0, sizeof *out);
	if (code == NULL)
		return -1;
	out->size = code->width + 2 * QUIET;
	out->dark = xcalloc((size_t)out->size * (size_t)out->size, 1);
	for (int y = 0; y < code->width; y++)
		for (int x = 0; x < code->width; x++)
			out->dark[(y + QUIET) * out->size + x + QUIET] =
			    code->data[y * code->width + x] & 1;
	QRcode_free(code);
	return 0;
}

/* Frees q. */
void
qr_free(struct qr *q)
{
	free(q->dark);
	memset(q, 0, sizeof *q);
}
