/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * qr.h - QR codes for taking a contact away: the payload (a MECARD a phone
 * saves without a data plan: name, phone in international form, e-mail,
 * nothing else, so that the code stays small enough for 80x24) and its
 * modules, made by libqrencode in the program itself (optional at build
 * time: -Dqr=disabled).
 */
#ifndef ACCUEIL_QR_H
#define ACCUEIL_QR_H

#include <stdbool.h>

#include "model/model.h"

/* A QR code: size x size modules, quiet zone included. */
struct qr {
	int size;
	int version;            /* its QR version, 1 to 40 */
	unsigned char *dark;    /* size * size, 1 for a dark module */
};

/*
 * Returns the number at the start of phone field s in international form,
 * digits only: a Belgian number ("081 71 35 28", "0800 12 800", "065/61.18.50
 * (inscriptions)", spaces plain or no-break) gets +32 for its leading 0;
 * "00" becomes "+"; a number with its + and a short one (112, 1712) keep
 * their digits as they are. NULL when s starts with no number. Caller frees.
 */
char *qr_phone_international(const char *s);

/*
 * Returns the payload of a QR code for view v: a MECARD with the name,
 * phone (qr_phone_international) and e-mail of a contact card, or NULL
 * when v is no contact or has neither phone nor e-mail. Caller frees.
 */
char *qr_payload(const struct model_view *v);

/* Returns true when v can be shown as a QR code (the key bar offers it). */
bool qr_wanted(const struct model_view *v);

/* Returns true when the program was built with libqrencode. */
bool qr_available(void);

/*
 * Encodes payload into *out in the smallest version that holds it (at
 * level L), at the highest error correction level that keeps that version,
 * with the quiet zone of four modules the standard asks for.
 * Returns 0, or -1 when it cannot be encoded (too long) or the program was
 * built without libqrencode. Free with qr_free.
 */
int qr_encode(const char *payload, struct qr *out);

/* Frees the modules of q. */
void qr_free(struct qr *q);

#endif
