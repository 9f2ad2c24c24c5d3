/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * hours.c - opening hours in the visitor's language, and the clock (see
 * hours.h).
 */
#include "model/hours.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"

/* The weekdays, Monday first, as gettext finds them. */
static const char *const weekdays[7] = {
	/* TRANSLATORS: a weekday, in opening hours: "lundi : 9 h 00 –
	   12 h 00". */
	N_("lundi"), N_("mardi"), N_("mercredi"), N_("jeudi"),
	N_("vendredi"), N_("samedi"), N_("dimanche"),
};

/* Fills *now from the clock, or from ACCUEIL_TEST_NOW. */
void
hours_now(struct hours_now *now)
{
	const char *test = getenv("ACCUEIL_TEST_NOW");
	struct tm tm;
	time_t t = time(NULL);

	localtime_r(&t, &tm);
	if (test != NULL) {
		struct tm set = { 0 };
		int y, mo, d, h = 12, mi = 0;

		if (sscanf(test, "%4d-%2d-%2d%*c%2d:%2d", &y, &mo, &d, &h,
		           &mi) >= 3) {
			set.tm_year = y - 1900;
			set.tm_mon = mo - 1;
			set.tm_mday = d;
			set.tm_hour = h;
			set.tm_min = mi;
			set.tm_isdst = -1;
			if (mktime(&set) != (time_t)-1)
				tm = set;
		}
	}
	strftime(now->day, sizeof now->day, "%Y-%m-%d", &tm);
	now->weekday = tm.tm_wday == 0 ? 7 : tm.tm_wday;
	now->minute = tm.tm_hour * 60 + tm.tm_min;
}

/* Reads day into *tm at noon; true when it is a real day. */
static bool
read_day(const char *s, struct tm *tm)
{
	int y, m, d, n = 0;

	if (s == NULL || strlen(s) != 10 ||
	    sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    s[4] != '-' || s[7] != '-' || y < 2000 || y > 2999)
		return false;
	memset(tm, 0, sizeof *tm);
	tm->tm_year = y - 1900;
	tm->tm_mon = m - 1;
	tm->tm_mday = d;
	tm->tm_hour = 12;
	tm->tm_isdst = -1;
	if (mktime(tm) == (time_t)-1)
		return false;
	/* 2026-02-30 comes back as 2026-03-02: not a day. */
	return tm->tm_year == y - 1900 && tm->tm_mon == m - 1 &&
	       tm->tm_mday == d;
}

/* Returns true when s is a real day. */
bool
hours_valid_day(const char *s)
{
	struct tm tm;

	return read_day(s, &tm);
}

/* Writes day plus delta days into out. */
bool
hours_add_days(const char *day, int delta, char out[11])
{
	struct tm tm;

	if (!read_day(day, &tm))
		return false;
	tm.tm_mday += delta;
	if (mktime(&tm) == (time_t)-1)
		return false;
	return strftime(out, 11, "%Y-%m-%d", &tm) == 10;
}

/* Returns day as DD/MM/YYYY. */
char *
hours_day_text(const char *day)
{
	struct tm tm;

	if (!read_day(day, &tm))
		return xstrdup(day);
	return xasprintf("%02d/%02d/%04d", tm.tm_mday, tm.tm_mon + 1,
	                 tm.tm_year + 1900);
}

/* Returns the name of weekday. */
const char *
hours_weekday(int weekday)
{
	return weekday >= 1 && weekday <= 7 ? _(weekdays[weekday - 1]) : "?";
}

/* Returns minutes as a time of day in the current language. */
static char *
time_text(int minutes)
{
	/* TRANSLATORS: a time of day, 24-hour: hours, then minutes (9 h 30).
	   Outside French write it 09:30: "%02d:%02d". */
	return xasprintf(_("%d h %02d"), minutes / 60, minutes % 60);
}

/* Returns the openings of one weekday, or NULL. */
char *
hours_day_line(const struct desk_range *v, size_t n, int weekday)
{
	char *line = NULL, *s;

	for (size_t i = 0; i < n; i++) {
		char *part;

		if (v[i].weekday != weekday)
			continue;
		if (v[i].opens >= 0 && v[i].closes >= 0) {
			char *a = time_text(v[i].opens);
			char *b = time_text(v[i].closes);

			/* TRANSLATORS: opening hours, from %1$s to %2$s. */
			part = xasprintf(_("%s – %s"), a, b);
			free(a);
			free(b);
		} else {
			part = xstrdup("");
		}
		if (v[i].appointment) {
			/* TRANSLATORS: opening hours: only with an
			   appointment. */
			s = part[0] != '\0' ? xasprintf("%s (%s)", part,
			                                _("sur rendez-vous"))
			    : xstrdup(_("sur rendez-vous"));
			free(part);
			part = s;
		}
		s = line == NULL ? part : xasprintf("%s, %s", line, part);
		if (line != NULL) {
			free(line);
			free(part);
		}
		line = s;
	}
	if (line == NULL)
		return NULL;
	/* TRANSLATORS: a weekday (%1$s) and its opening hours (%2$s). */
	s = xasprintf(_("%s : %s"), hours_weekday(weekday), line);
	free(line);
	return s;
}

/* Returns 1 when open at now. */
int
hours_open(const struct desk_range *v, size_t n, const struct hours_now *now)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].weekday == now->weekday && !v[i].appointment &&
		    v[i].opens >= 0 && v[i].opens <= now->minute &&
		    now->minute < v[i].closes)
			return 1;
	return 0;
}

/* Reads "HH:MM" at s into *min; returns the characters read, or 0. */
static int
read_time(const char *s, int *min)
{
	int h, m, n = 0;

	if (sscanf(s, "%2d:%2d%n", &h, &m, &n) != 2 || n < 4 || h < 0 ||
	    h > 24 || m < 0 || m > 59 || (h == 24 && m != 0) ||
	    s[n - 3] != ':')
		return 0;
	*min = h * 60 + m;
	return n;
}

/* Parses one weekday's openings. */
const char *
hours_parse(const char *s, int weekday, struct desk_range **v, size_t *n)
{
	size_t n0 = *n;
	bool appointment = false, times = false;

	while (*s != '\0') {
		struct desk_range r = { weekday, -1, -1, false };
		int k;

		if (*s == ' ' || *s == ',' || *s == ';') {
			s++;
			continue;
		}
		if (strncmp(s, "rdv", 3) == 0 &&
		    (s[3] == '\0' || s[3] == ' ' || s[3] == ',')) {
			appointment = true;
			s += 3;
			continue;
		}
		if (appointment || (k = read_time(s, &r.opens)) == 0)
			goto bad;
		s += k;
		while (*s == ' ')
			s++;
		if (*s != '-' || (k = read_time(s + 1, &r.closes)) == 0)
			goto bad;
		s += 1 + k;
		if (r.closes <= r.opens) {
			*n = n0;
			/* TRANSLATORS: the staff typed opening hours that close
			   before they open. */
			return _("Une heure de fermeture vient avant l'heure "
			         "d'ouverture.");
		}
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[(*n)++] = r;
		times = true;
	}
	if (appointment && !times) {
		struct desk_range r = { weekday, -1, -1, true };

		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[(*n)++] = r;
	} else if (appointment) {
		for (size_t i = n0; i < *n; i++)
			(*v)[i].appointment = true;
	}
	return NULL;
bad:
	*n = n0;
	/* TRANSLATORS: the staff typed opening hours the kiosk cannot
	   read; keep 09:00-12:00 and rdv as they are. */
	return _("Écrivez les heures ainsi : 09:00-12:00 13:30-16:00, ou rdv "
	         "(sur rendez-vous), ou rien (fermé).");
}

/* Returns the openings of weekday in the form hours_parse reads. */
char *
hours_format(const struct desk_range *v, size_t n, int weekday)
{
	char *s = xstrdup(""), *t;
	bool appointment = false;

	for (size_t i = 0; i < n; i++) {
		if (v[i].weekday != weekday)
			continue;
		appointment |= v[i].appointment;
		if (v[i].opens < 0)
			continue;
		t = xasprintf("%s%s%02d:%02d-%02d:%02d", s, s[0] ? " " : "",
		              v[i].opens / 60, v[i].opens % 60,
		              v[i].closes / 60, v[i].closes % 60);
		free(s);
		s = t;
	}
	if (appointment) {
		t = xasprintf("%s%srdv", s, s[0] ? " " : "");
		free(s);
		s = t;
	}
	return s;
}
