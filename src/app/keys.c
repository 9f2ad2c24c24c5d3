/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * keys.c - the one table of keys (see keys.h).
 */
#include "app/keys.h"

#include "i18n/i18n.h"

/* TRANSLATORS: key-bar buttons; keep them short. */
/* The help lines that two rows share. */
#define ARROWS_HELP N_("↑ ↓ : choisir une entrée, ou faire défiler le texte.")
#define ZERO_HELP N_("0 : revenir en arrière. Là où un numéro commence " \
                      "par 0 (01, 02…), 0 attend le chiffre suivant, et " \
                      "0 0 revient. Trois fois 0 : l'accueil ; à " \
                      "l'accueil, 0 : les langues.")
#define STAFF_HELP N_("F10 : la sortie du mode kiosque, pour le personnel, " \
                      "avec son code.")

const struct keys_row keys_table[KEYS_COUNT] = {
	[KEYS_PICK] = { "1-9", N_("Choisir"),
		N_("1 à 9, puis 01 à 09 : ouvrir l'entrée qui porte ce numéro, "
		   "tant qu'il est affiché."), "Cm 1",
		AK_NONE, { AK_DIGIT, AK_NONE }, KEYS_ALWAYS },
	[KEYS_BACK] = { "0", N_("Retour"), ZERO_HELP, "Cm 0", '0',
		{ '0', AK_BACKSPACE, AK_LEFT, AK_NONE }, KEYS_ALWAYS },
	/* A click goes back at once: it is no digit that waits. */
	[KEYS_BACK_WAIT] = { "00", N_("Retour"), ZERO_HELP, "Cm 0 0", AK_ESC,
		{ AK_NONE }, KEYS_ALWAYS },
	/* TRANSLATORS: key-bar button: the next 0 goes to the home menu. */
	[KEYS_ZERO_HOME] = { "0", N_("Accueil"), ZERO_HELP, "Cm 0 0 0", '0',
		{ AK_NONE }, KEYS_ALWAYS },
	/* On home, a click opens the picker as * does. */
	[KEYS_ZERO_PICKER] = { "0", N_("Langue"), ZERO_HELP, "Cm 0", '*',
		{ AK_NONE }, KEYS_ALWAYS },
	[KEYS_ZERO_PICKER_WAIT] = { "00", N_("Langue"), ZERO_HELP, "Cm 0 0",
		'*', { AK_NONE }, KEYS_ALWAYS },
	[KEYS_ESC] = { "Esc", N_("Retour"),
		N_("Échap, ← ou Retour arrière : revenir en arrière, aussi "
		   "depuis une ligne où l'on tape."), "Esc", AK_ESC,
		{ AK_ESC, AK_NONE }, KEYS_ALWAYS },
	/* TRANSLATORS: key-bar button: in a line being typed, the digits are
	   text (a phone number). */
	[KEYS_TYPED] = { "0-9", N_("Texte"),
		N_("Dans une ligne où l'on tape (recherche, annuaire), les "
		   "chiffres sont du texte : un numéro de téléphone, un code "
		   "postal. Sur une ligne vide, 0 attend : 0 0 revient. Après "
		   "4 secondes sans touche, ou une flèche, les résultats "
		   "portent un numéro : 1 à 9 les ouvrent, 0 revient."),
		"Digits in a line", AK_NONE,
		{ '0', AK_DIGIT, AK_TIMEOUT, AK_NONE }, KEYS_ALWAYS },
	[KEYS_DIGIT_SCROLL] = { "8 9", N_("Défiler"),
		N_("8 et 9 : sur une page longue, remonter ou descendre d'un "
		   "écran ; ses liens portent les numéros 1 à 7, puis 01, 02…"),
		"Cm 8", AK_NONE, { '8', '9', AK_NONE }, KEYS_ALWAYS },
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
		   "l'écran."), "click", AK_NONE,
		{ AK_MOUSE, AK_SCROLL_UP, AK_SCROLL_DOWN, AK_NONE },
		KEYS_ALWAYS },
};

/* Writes the number of entry i: 1 to ones, then 01 to 09, then "". */
void
keys_number(size_t i, int ones, char buf[4])
{
	char *p = buf;

	if (i >= (size_t)ones && i < (size_t)ones + 9) {
		*p++ = '0';
		i -= (size_t)ones;
	}
	if (i < 9)
		*p++ = (char)('1' + i);
	*p = '\0';
}

/* Returns the entry key picks, after a waiting 0 or not, or -1. */
long
keys_index(int key, bool after_zero, int ones)
{
	if (key < '1' || key > '9')
		return -1;
	if (after_zero)
		return ones + (key - '1');
	return key - '0' <= ones ? key - '1' : -1;
}

/* Returns true when entry i has a number that begins with 0. */
bool
keys_two_digits(size_t i, int ones)
{
	return i >= (size_t)ones && i < (size_t)ones + 9;
}

/* Returns what key does in bindings b, or -1. */
int
keys_bound(const struct keys_bind *b, size_t n, int key)
{
	for (size_t i = 0; i < n; i++)
		if (b[i].key == key ||
		    (b[i].key == AK_DIGIT && key >= '1' && key <= '9'))
			return b[i].act;
	return -1;
}

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
