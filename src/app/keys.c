/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * keys.c - the one table of keys (see keys.h).
 */
#include "app/keys.h"

#include "i18n/i18n.h"

/* TRANSLATORS: key-bar buttons; keep them short. */
/* The help lines that two rows share. */
#define ARROWS_HELP N_("↑ ↓ : choisir une entrée, ou faire défiler le texte.")
#define BACK_HELP N_("0 ou ← : revenir en arrière ; 0 trois fois : " \
                      "l'accueil.")
#define STAFF_HELP N_("F10 : la sortie du mode kiosque, pour le personnel, " \
                      "avec son code.")

const struct keys_row keys_table[KEYS_COUNT] = {
	[KEYS_PICK] = { "1-9", N_("Choisir"),
		N_("1 à 9 : ouvrir l'entrée qui porte ce numéro."), "Cm 1",
		AK_NONE, { AK_NONE }, KEYS_ALWAYS },
	[KEYS_BACK] = { "0", N_("Retour"), BACK_HELP, "Cm 0", '0',
		{ '0', AK_BACKSPACE, AK_LEFT, AK_NONE }, KEYS_ALWAYS },
	[KEYS_ESC] = { "Esc", N_("Retour"), BACK_HELP, "Esc", AK_ESC,
		{ AK_ESC, AK_NONE }, KEYS_ALWAYS },
	/* TRANSLATORS: key-bar button: empty the line typed on. */
	[KEYS_CLEAR] = { "Suppr", N_("Effacer"),
		N_("Suppr : effacer ce qui est tapé ; sur une ligne vide, 0 "
		   "revient."),
		"Delete", AK_DELETE, { AK_DELETE, AK_NONE }, KEYS_ALWAYS },
	[KEYS_CHOOSE] = { "↑↓", N_("Choisir"), ARROWS_HELP, "Up", AK_NONE,
		{ AK_UP, AK_DOWN, AK_NONE }, KEYS_ALWAYS },
	/* TRANSLATORS: key-bar button: arrows scroll the text. */
	[KEYS_SCROLL] = { "↑↓", N_("Défiler"), ARROWS_HELP, "Down", AK_NONE,
		{ AK_UP, AK_DOWN, AK_NONE }, KEYS_ALWAYS },
	/* A word: ⏎ is in no console font, ↵ in a third of them. */
	[KEYS_OPEN] = { "Enter", N_("Ouvrir"),
		N_("Entrée : ouvrir l'entrée choisie."), "Enter", AK_ENTER,
		{ AK_ENTER, AK_RIGHT, AK_NONE }, KEYS_ALWAYS },
	[KEYS_CONFIRM] = { "Enter", N_("Valider"), STAFF_HELP, "Enter", AK_ENTER,
		{ AK_ENTER, AK_NONE }, KEYS_KIOSK },
	[KEYS_PAGE] = { NULL, NULL,
		N_("Page précédente, Page suivante, espace : faire défiler une "
		   "page entière."), "Page Up", AK_NONE,
		{ AK_PGUP, AK_PGDN, ' ', AK_HOME, AK_END, AK_NONE }, KEYS_ALWAYS },
	[KEYS_LANGUAGE] = { "*", N_("Langue"),
		N_("* : choisir une autre langue."), "Cm *", '*',
		{ '*', AK_NONE }, KEYS_ALWAYS },
	/* TRANSLATORS: key-bar button: show the French text too. */
	[KEYS_FRENCH] = { "f", N_("Français"),
		N_("f : sur une page, voir aussi le texte en français, pour le "
		   "montrer à la commune ou au CPAS."), "Cm f", 'f',
		{ 'f', 'F', AK_NONE }, KEYS_ALWAYS },
	/* TRANSLATORS: key-bar button: show the contact as a QR code. */
	[KEYS_QR] = { "c", N_("Code QR"),
		N_("c : sur un contact, le montrer en code QR, qu'un téléphone "
		   "enregistre."), "Cm c", 'c', { 'c', 'C', AK_NONE },
		KEYS_ALWAYS },
	/* TRANSLATORS: key-bar button: read the page aloud. */
	[KEYS_LISTEN] = { "s", N_("Écouter"),
		N_("s : lire la page à voix haute ; encore une fois pour "
		   "arrêter."), "Cm s", 's', { 's', 'S', AK_NONE }, KEYS_ALWAYS },
	/* TRANSLATORS: key-bar button, while a page is read aloud: go on
	   with the next paragraph. */
	[KEYS_SKIP] = { "p", N_("Suivant"),
		N_("p : pendant la lecture à voix haute, passer au paragraphe "
		   "suivant."), "Cm p", 'p', { 'p', 'P', AK_NONE },
		KEYS_ALWAYS },
	/* TRANSLATORS: key-bar button: high contrast, then large spacing,
	   then back to the usual look. */
	[KEYS_LOOK] = { "h", N_("Contraste"),
		N_("h : texte plus contrasté, puis plus espacé, puis comme "
		   "avant."), "Cm h", 'h', { 'h', 'H', AK_NONE }, KEYS_ALWAYS },
	[KEYS_HELP] = { "?", N_("Aide"), N_("? : cette aide."), "Cm \\&?",
		'?', { '?', AK_NONE }, KEYS_ALWAYS },
	[KEYS_SEARCH] = { "/", N_("Rechercher"),
		N_("/ : rechercher un mot dans tout le contenu."), "Cm /", '/',
		{ '/', AK_NONE }, KEYS_ALWAYS },
	[KEYS_QUIT] = { "q", N_("Quitter"), N_("q : quitter le programme."),
		"Cm q", 'q', { 'q', 'Q', AK_INTERRUPT, AK_NONE }, KEYS_NOT_KIOSK },
	[KEYS_STAFF] = { NULL, NULL, STAFF_HELP, "F10", AK_NONE,
		{ AK_STAFF, AK_NONE }, KEYS_KIOSK },
	[KEYS_MOUSE] = { NULL, NULL,
		N_("Choisissez avec les chiffres, les flèches ou en touchant "
		   "l'écran."), "click", AK_NONE, { AK_MOUSE, AK_NONE },
		KEYS_ALWAYS },
};

/* Returns the row a key code does: the first that lists it. */
enum keys_action
keys_action(int code)
{
	if (code >= '1' && code <= '9')
		return KEYS_PICK;
	for (int a = 0; a < KEYS_COUNT; a++)
		for (size_t i = 0; keys_table[a].codes[i] != AK_NONE; i++)
			if (keys_table[a].codes[i] == code)
				return (enum keys_action)a;
	return KEYS_NONE;
}
