/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * qr.h - QR codes for taking a contact away: the payload (a MECARD a phone
 * saves without a data plan) and its modules, made by libqrencode in the
 * program itself (optional at build time: -Dqr=disabled).
 */
#ifndef ACCUEIL_QR_H
#define ACCUEIL_QR_H

#include <stdbool.h>

#include "model/model.h"

/* A QR code: size x size modules, quiet zone included. */
struct qr {
	int size;
	unsigned char *dark;    /* size * size, 1 for a dark module */
};

/*
 * Returns the payload of a QR code for view v: a MECARD (name, phone,
 * e-mail, address, web site) for a contact card, the web address of a page
 * that has one, or NULL when there is nothing to take away. Caller frees.
 */
char *qr_payload(const struct model_view *v);

/* Returns true when the program was built with libqrencode. */
bool qr_available(void);

/*
 * Encodes payload into *out (level M) with a quiet zone of four modules.
 * Returns 0, or -1 when it cannot be encoded (too long) or the program was
 * built without libqrencode. Free with qr_free.
 */
int qr_encode(const char *payload, struct qr *out);

/* Frees the modules of q. */
void qr_free(struct qr *q);

#endif
