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
 * Returns the length of the separator at s between two groups of digits
 * (a space, a no-break space U+00A0 or U+202F, '.', '/', '-'), or 0.
 */
static size_t
separator(const char *s)
{
	if (*s == ' ' || *s == '.' || *s == '/' || *s == '-')
		return 1;
	if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
		return 2;
	if ((unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
	    (unsigned char)s[2] == 0xaf)
		return 3;
	return 0;
}

/* Returns the number at the start of s in international form (qr.h). */
char *
qr_phone_international(const char *s)
{
	size_t n = strlen(s), len = 0, k;
	char *digits = xmalloc(n + 4), *out;
	bool plus = *s == '+';

	/* The digits of the number at the start, across separators:
	   "065/61.18.50 (inscriptions)" gives 065611850. */
	for (s += plus; *s != '\0'; s += k) {
		if (*s >= '0' && *s <= '9') {
			digits[len++] = *s;
			k = 1;
		} else if ((k = separator(s)) == 0 || s[k] < '0' ||
		           s[k] > '9') {
			break;         /* the end, or a second number */
		}
	}
	digits[len] = '\0';
	if (len < 3) {
		free(digits);
		return NULL;
	}
	if (plus)
		out = xasprintf("+%s", digits);
	else if (digits[0] == '0' && digits[1] == '0')
		out = xasprintf("+%s", digits + 2);    /* 00: the same as + */
	else if (digits[0] == '0' && (len == 9 || len == 10))
		out = xasprintf("+32%s", digits + 1);  /* a Belgian number */
	else    /* 112, 1712: short numbers as they are */
		out = xstrdup(digits);
	free(digits);
	return out;
}

/* Returns true for a character of an e-mail address (printable ASCII
   but for the brackets, quotes and commas around one). */
static bool
in_address(char c)
{
	return c > ' ' && c < 0x7f && strchr("()<>,;:\"'", c) == NULL;
}

/* Returns the first word of s that holds an @, or NULL. */
static char *
first_email(const char *s)
{
	const char *at = strchr(s, '@'), *a, *b;

	if (at == NULL)
		return NULL;
	for (a = at; a > s && in_address(a[-1]); a--)
		;
	for (b = at + 1; in_address(*b); b++)
		;
	return xstrndup(a, (size_t)(b - a));
}

/* Returns the payload of a QR code for v: name, phone, e-mail only. */
char *
qr_payload(const struct model_view *v)
{
	char *phone, *email, *out = NULL;
	size_t len = 0;

	if (v->kind != KIND_CONTACT)
		return NULL;
	phone = field(v, "phone") ? qr_phone_international(field(v, "phone"))
	        : NULL;
	email = field(v, "email") ? first_email(field(v, "email")) : NULL;
	if (phone == NULL && email == NULL)
		return NULL;
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
	put(&out, &len, ";", false);
	free(phone);
	free(email);
	return out;
}

/* Returns true when v is a contact with a phone or an e-mail. */
bool
qr_wanted(const struct model_view *v)
{
	char *payload = qr_available() ? qr_payload(v) : NULL;
	bool ok = payload != NULL;

	free(payload);
	return ok;
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
	static const QRecLevel stronger[] = { QR_ECLEVEL_H, QR_ECLEVEL_Q,
	                                      QR_ECLEVEL_M };
	QRcode *code;
	size_t size;

	memset(out, 0, sizeof *out);
	/* The smallest version: the one that holds it at level L, case
	   kept; 8-bit data where the text is not digits or upper-case. */
	code = QRcode_encodeString(payload, 0, QR_ECLEVEL_L, QR_MODE_8, 1);
	if (code == NULL)
		return -1;
	/* The same size with more error correction, when it holds it:
	   the same modules on the screen, more of them may be misread. */
	for (size_t i = 0; i < sizeof stronger / sizeof *stronger; i++) {
		QRcode *c = QRcode_encodeString(payload, code->version,
		                                stronger[i], QR_MODE_8, 1);

		if (c != NULL && c->version == code->version) {
			QRcode_free(code);
			code = c;
			break;
		}
		if (c != NULL)
			QRcode_free(c);
	}
	out->version = code->version;
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
