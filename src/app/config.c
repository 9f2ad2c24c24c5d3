/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * config.c - the kiosk's configuration file (see config.h). The PIN is
 * checked with crypt(3) against a salted hash; it is never stored.
 */
#include "app/config.h"

#include <crypt.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"

#define STR_(x) #x
#define STR(x) STR_(x)

/* The dearest hashes accepted, so that one try stays well under a second
   (measured on a 2-core test machine: yescrypt cost 7 95 ms, sha512crypt
   500 000 rounds 160 ms, bcrypt cost 11 115 ms; the default of --hash-pin,
   yescrypt cost 5, 25 ms). */
#define YESCRYPT_N_MAX 'B'      /* the N character of yescrypt cost 7 */
#define YESCRYPT_R_MAX 'T'      /* r = 32, the default */
#define SHA512_ROUNDS_MAX 500000
#define BCRYPT_COST_MAX 11

/* Returns s without its leading and trailing white space (in place). */
static char *
trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
	                   end[-1] == '\n' || end[-1] == '\r'))
		*--end = '\0';
	return s;
}

/* Returns the place of c in crypt's alphabet "./0-9A-Za-z", or 64. */
static int
itoa64(char c)
{
	static const char set[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                          "abcdefghijklmnopqrstuvwxyz";
	const char *p = c != '\0' ? strchr(set, c) : NULL;

	return p != NULL ? (int)(p - set) : 64;
}

/* Returns NULL when one try of hash h costs at most the bound above, else
   why not (a static sentence). */
static const char *
hash_cost_refused(const char *h)
{
	const char *dear = "costs too much to check at each try";

	if (strncmp(h, "$y$", 3) == 0 || strncmp(h, "$gy$", 4) == 0) {
		const char *p = strchr(h + 1, '$') + 1;

		/* Flavour, N and r, and no further parameter. */
		if (strcspn(p, "$") != 3)
			return "is a yescrypt hash with parameters "
			       "accueil does not weigh";
		return itoa64(p[1]) > itoa64(YESCRYPT_N_MAX) ||
		       itoa64(p[2]) > itoa64(YESCRYPT_R_MAX) ? dear : NULL;
	}
	if (strncmp(h, "$6$", 3) == 0) {
		if (strncmp(h + 3, "rounds=", 7) != 0)
			return NULL;    /* 5000 rounds */
		return strspn(h + 10, "0123456789") > 7 ||
		       atol(h + 10) > SHA512_ROUNDS_MAX ? dear : NULL;
	}
	if (strncmp(h, "$2b$", 4) == 0 || strncmp(h, "$2y$", 4) == 0) {
		if (strspn(h + 4, "0123456789") != 2)
			return "is a bcrypt hash without its cost";
		return atoi(h + 4) > BCRYPT_COST_MAX ? dear : NULL;
	}
	return "is of a kind whose cost accueil does not weigh (yescrypt, "
	       "sha512crypt and bcrypt are)";
}

/* Returns NULL when h is a complete hash of a sound kind at a bearable
   cost, else a malloc'd sentence saying why not. */
static char *
hash_refused(const char *path, int line, const char *h)
{
	struct crypt_data data;
	const char *why, *out;

	if (crypt_checksalt(h) != CRYPT_SALT_OK)
		why = "is not of a kind this system deems sound";
	else
		why = hash_cost_refused(h);
	if (why == NULL) {
		/* A complete hash comes back whole, of the same length. */
		memset(&data, 0, sizeof data);
		out = crypt_r("-", h, &data);
		if (out == NULL || *out == '*' || strlen(out) != strlen(h))
			why = "is incomplete";
		explicit_bzero(&data, sizeof data);
	}
	if (why == NULL)
		return NULL;
	return xasprintf("%s:%d: the PIN's hash %s; set the PIN with "
	                 "accueil --set-pin",
	                 path, line, why);
}

/*
 * Checks who may change or read the open configuration file f: refuses it
 * (a malloc'd sentence) when its group or others may write it, warns on
 * stderr when others may read it. A character device (/dev/null) holds
 * nothing to protect.
 */
static char *
mode_refused(const char *path, FILE *f)
{
	struct stat st;

	if (fstat(fileno(f), &st) != 0)
		return xasprintf("%s cannot be read (%s)", path,
		                 strerror(errno));
	if (S_ISCHR(st.st_mode))
		return NULL;
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		return xasprintf("%s can be changed by other users (mode "
		                 "%04o); make it 0640 root:accueil",
		                 path, (unsigned)(st.st_mode & 07777));
	if (st.st_mode & S_IROTH)
		fprintf(stderr, "accueil: warning: %s can be read by every "
		        "user (mode %04o), who can then guess the PIN offline; "
		        "make it 0640 root:accueil\n", path,
		        (unsigned)(st.st_mode & 07777));
	return NULL;
}

/*
 * Parses the value of "languages =": codes of the language table, separated
 * by spaces or commas, each once. Stores them in c->languages, one space
 * apart. Returns NULL, or a malloc'd sentence naming the wrong code.
 */
static char *
parse_languages(const char *value, struct config *c)
{
	char *copy = xstrdup(value), *list = xcalloc(1, strlen(value) + 2);
	char *save = NULL, *err = NULL;
	size_t used = 0;
	bool seen[64] = { false };

	for (char *code = strtok_r(copy, " ,\t", &save); code != NULL;
	     code = strtok_r(NULL, " ,\t", &save)) {
		const struct i18n_language *l = i18n_find(code);
		size_t k = l != NULL ? (size_t)(l - i18n_languages) : 0;

		if (l == NULL || k >= sizeof seen / sizeof *seen) {
			err = xasprintf("\"%s\" is not a language of the kiosk",
			                code);
			break;
		}
		if (seen[k]) {
			err = xasprintf("\"%s\" is listed twice", code);
			break;
		}
		seen[k] = true;
		/* list has room for value: the codes and one space between. */
		if (used > 0)
			list[used++] = ' ';
		memcpy(list + used, code, strlen(code) + 1);
		used += strlen(code);
	}
	free(copy);
	if (err != NULL || *list == '\0') {
		free(list);
		return err != NULL ? err : xstrdup("no language is listed");
	}
	free(c->languages);
	c->languages = list;
	return NULL;
}

/*
 * Opens path for reading if it is a regular file of at most
 * CONFIG_SIZE_MAX bytes (a FIFO would block open(), /dev/zero never end);
 * returns NULL with errno set (EINVAL, EFBIG) otherwise.
 */
static FILE *
open_regular(const char *path)
{
	struct stat st;
	FILE *f;
	int fd;

	if (stat(path, &st) != 0)
		return NULL;
	if (!S_ISREG(st.st_mode)) {
		errno = EINVAL;
		return NULL;
	}
	/* O_NONBLOCK: should a FIFO replace it after the check, open() still
	   returns at once, and fstat says what it is. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > CONFIG_SIZE_MAX) {
		errno = S_ISREG(st.st_mode) ? EFBIG : EINVAL;
		close(fd);
		return NULL;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	f = fdopen(fd, "r");
	if (f == NULL)
		close(fd);
	return f;
}

/* One file's reading: what it may hold, and what --check-config writes. */
struct parse {
	const char *path;
	bool pin_only;          /* the PIN file: "pin =" alone */
	FILE *explain;          /* --check-config; NULL: stop at the first
	                           bad line */
	int bad;                /* bad lines */
	int pin_line;           /* the line of the first "pin =", or 0 */
	char *err;              /* the first bad line's sentence */
};

/* Notes a bad line (takes why). */
static void
bad_line(struct parse *p, char *why)
{
	if (p->explain != NULL)
		fprintf(p->explain, "%s\n", why);
	if (p->err == NULL)
		p->err = why;
	else
		free(why);
	p->bad++;
}

/* Returns the name of the kind of hash h. */
static const char *
hash_kind(const char *h)
{
	if (strncmp(h, "$y$", 3) == 0 || strncmp(h, "$gy$", 4) == 0)
		return "yescrypt";
	if (strncmp(h, "$6$", 3) == 0)
		return "sha512crypt";
	if (strncmp(h, "$2", 2) == 0)
		return "bcrypt";
	return "unknown kind";
}

/* Reads one "key = value" line n of p's file (trimmed, not a comment). */
static void
parse_line(struct parse *p, int n, char *key, struct config *c)
{
	char *eq = strchr(key, '='), *value, *why;

	if (eq == NULL) {
		bad_line(p, xasprintf("%s:%d: expected \"key = value\"",
		                      p->path, n));
		return;
	}
	*eq = '\0';
	key = trim(key);
	value = trim(eq + 1);
	if (strcmp(key, "pin") == 0) {
		/* One try of a dear hash takes 0.1 s: weigh one, not a
		   thousand. */
		if (p->pin_line > 0) {
			bad_line(p, xasprintf("%s:%d: a second \"pin =\" "
			         "line (the first is line %d); keep one",
			         p->path, n, p->pin_line));
			return;
		}
		p->pin_line = n;
		why = *value == '$' ? hash_refused(p->path, n, value)
		      : xasprintf("%s:%d: \"pin =\" takes a hash, never the "
		                  "PIN itself; set it with accueil --set-pin",
		                  p->path, n);
		if (why != NULL) {
			bad_line(p, why);
			return;
		}
		free(c->pin);
		c->pin = xstrdup(value);
		free(c->pin_from);
		c->pin_from = xstrdup(p->path);
		if (p->explain != NULL)
			fprintf(p->explain, "%s:%d: pin: the hash of the staff "
			        "PIN (%s): F10 and this PIN leave kiosk mode\n",
			        p->path, n, hash_kind(value));
		return;
	}
	if (p->pin_only) {
		bad_line(p, xasprintf("%s:%d: \"%s\": the PIN file holds "
		                      "\"pin =\" alone", p->path, n, key));
		return;
	}
	if (strcmp(key, "idle") == 0) {
		if (*value == '\0' || strlen(value) > 5 ||
		    strspn(value, "0123456789") != strlen(value) ||
		    atoi(value) > CONFIG_IDLE_MAX) {
			bad_line(p, xasprintf("%s:%d: idle takes a whole "
			         "number of seconds from 0 to %d, without a "
			         "unit (\"%s\" is not one)", p->path, n,
			         CONFIG_IDLE_MAX, value));
			return;
		}
		c->idle = atoi(value);
		if (p->explain != NULL && c->idle == 0)
			fprintf(p->explain, "%s:%d: idle: the kiosk never goes "
			        "back to the language picker by itself\n",
			        p->path, n);
		else if (p->explain != NULL)
			fprintf(p->explain, "%s:%d: idle: after %d seconds "
			        "without a key the kiosk asks \"are you still "
			        "there?\", then starts again from the language "
			        "picker\n", p->path, n, c->idle);
		return;
	}
	if (strcmp(key, "languages") == 0) {
		why = parse_languages(value, c);
		if (why != NULL) {
			bad_line(p, xasprintf("%s:%d: languages: %s",
			                      p->path, n, why));
			free(why);
		} else if (p->explain != NULL) {
			fprintf(p->explain, "%s:%d: languages: the language "
			        "picker shows %s first, in that order\n",
			        p->path, n, c->languages);
		}
		return;
	}
	bad_line(p, xasprintf("%s:%d: unknown key \"%s\" (the keys are pin, "
	                      "idle and languages)", p->path, n, key));
}

/* Reads the file of p into *c; returns 0 or -1 (p->err set). */
static int
parse_file(struct parse *p, enum config_need need, struct config *c)
{
	FILE *f = open_regular(p->path);
	char *line = NULL, *why;
	size_t cap = 0;
	long total = 0;
	ssize_t len;
	int n = 0;

	/* --config /dev/null: no configuration at all, as the tests use it. */
	if (f == NULL && strcmp(p->path, "/dev/null") == 0)
		return 0;
	if (f == NULL) {
		if (errno == ENOENT && need != CONFIG_REQUIRED)
			return 0;
		/* The files are 0640 root:accueil: a user outside the group
		   (staff searching from a shell) runs without them. */
		if (errno == EACCES && need == CONFIG_OPTIONAL)
			return 0;
		bad_line(p, xasprintf("%s cannot be read (%s)", p->path,
		                      errno == EINVAL ? "not a regular file"
		                      : errno == EFBIG ? "larger than 64 KiB"
		                      : strerror(errno)));
		return -1;
	}
	why = mode_refused(p->path, f);
	if (why != NULL)
		bad_line(p, why);
	/* Lines of any length, within the file's size limit. */
	while ((p->err == NULL || p->explain != NULL) &&
	       (len = getline(&line, &cap, f)) > 0) {
		char *key;

		total += len;
		n++;
		if (total > CONFIG_SIZE_MAX) {
			bad_line(p, xasprintf("%s: larger than 64 KiB",
			                      p->path));
			break;
		}
		if (strlen(line) != (size_t)len) {
			bad_line(p, xasprintf("%s:%d: a NUL byte", p->path, n));
			continue;
		}
		key = trim(line);
		if (*key == '\0')
			continue;
		if (*key == '#') {
			if (p->explain != NULL)
				fprintf(p->explain, "%s:%d: a comment\n",
				        p->path, n);
			continue;
		}
		parse_line(p, n, key, c);
	}
	if (line != NULL)
		explicit_bzero(line, cap);
	free(line);
	fclose(f);
	return p->err != NULL ? -1 : 0;
}

/* Reads the file at path into *c. */
int
config_load(const char *path, enum config_need need, struct config *c,
            char **err)
{
	struct parse p = { .path = path };

	memset(c, 0, sizeof *c);
	c->idle = -1;
	*err = NULL;
	if (parse_file(&p, need, c) != 0) {
		config_free(c);
		c->idle = -1;   /* the defaults, all of them */
		*err = p.err;
		return -1;
	}
	return 0;
}

/* Reads the PIN file at path into c. */
int
config_load_pin(const char *path, enum config_need need, struct config *c,
                char **err)
{
	struct parse p = { .path = path, .pin_only = true };
	struct config got = { .idle = -1 };

	*err = NULL;
	if (parse_file(&p, need, &got) != 0) {
		config_free(&got);
		free(c->pin);
		c->pin = NULL;
		*err = p.err;
		return -1;
	}
	if (got.pin != NULL) {
		free(c->pin);
		free(c->pin_from);
		c->pin = got.pin;
		c->pin_from = got.pin_from;
	}
	return 0;
}

/* Writes what each line of the file at path means. */
int
config_explain(const char *path, bool pin_file, FILE *out, char **err)
{
	struct parse p = { .path = path, .pin_only = pin_file, .explain = out };
	struct config c = { .idle = -1 };

	parse_file(&p, CONFIG_REQUIRED, &c);
	config_free(&c);
	*err = p.err;
	return p.bad;
}

/* Writes "pin = hash" into the PIN file at path. */
int
config_write_pin(const char *path, const char *hash, char **err)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	char *tmp = xasprintf("%s.new", path);
	struct group *g = geteuid() == 0 ? getgrnam(CONFIG_PIN_GROUP) : NULL;
	FILE *f;
	int fd, rc = -1;

	*err = NULL;
	if (slash != NULL && slash != dir) {
		*slash = '\0';
		if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
			*err = xasprintf("%s cannot be made (%s)", dir,
			                 strerror(errno));
			goto out;
		}
	}
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
	          0600);
	if (fd < 0) {
		*err = xasprintf("%s cannot be written (%s)", path,
		                 strerror(errno));
		goto out;
	}
	if ((g != NULL && fchown(fd, 0, g->gr_gid) != 0) ||
	    fchmod(fd, 0640) != 0 || (f = fdopen(fd, "w")) == NULL) {
		*err = xasprintf("%s cannot be written (%s)", path,
		                 strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	fprintf(f, "# The staff PIN of the accueil kiosk, as a salted hash; "
	        "set it with\n# accueil --set-pin (man accueil). Keep this "
	        "file 0640 root:%s.\npin = %s\n", CONFIG_PIN_GROUP, hash);
	if (fflush(f) != 0 || fsync(fileno(f)) != 0) {
		*err = xasprintf("%s cannot be written (%s)", path,
		                 strerror(errno));
		fclose(f);
		unlink(tmp);
		goto out;
	}
	if (fclose(f) != 0 || rename(tmp, path) != 0) {
		*err = xasprintf("%s cannot be written (%s)", path,
		                 strerror(errno));
		unlink(tmp);
		goto out;
	}
	rc = 0;
out:
	free(tmp);
	free(dir);
	return rc;
}

/* Returns the first folder where the PIN delay can be kept. */
char *
config_state_dir(void)
{
	const char *env[] = { "STATE_DIRECTORY", "RUNTIME_DIRECTORY" };
	const char *fixed[] = { "/var/lib/accueil", "/run/accueil" };

	for (size_t i = 0; i < 2; i++) {
		const char *v = getenv(env[i]);

		/* systemd gives a list separated by colons: the first. */
		if (v != NULL && *v == '/') {
			char *d = xstrndup(v, strcspn(v, ":"));

			if (access(d, W_OK | X_OK) == 0)
				return d;
			free(d);
		}
	}
	for (size_t i = 0; i < 2; i++)
		if (access(fixed[i], W_OK | X_OK) == 0)
			return xstrdup(fixed[i]);
	return NULL;
}

/* Returns the wall clock in ms: the delay must outlast a reboot too. */
static long long
wall_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_REALTIME, &t);
	return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

/* Reads the PIN delay kept in c->delay_file. */
void
config_delay_load(const struct config *c, long long max_ms, int *failures,
                  long long *left_ms)
{
	FILE *f;
	long long until = 0;
	int n = 0;

	*failures = 0;
	*left_ms = 0;
	if (c == NULL || c->delay_file == NULL ||
	    (f = open_regular(c->delay_file)) == NULL)
		return;
	if (fscanf(f, "%d %lld", &n, &until) == 2 && n > 0) {
		long long left = until - wall_ms();

		*failures = n > 1000 ? 1000 : n;
		*left_ms = left < 0 ? 0 : left > max_ms ? max_ms : left;
	}
	fclose(f);
}

/* Keeps the PIN delay in c->delay_file. */
int
config_delay_save(const struct config *c, int failures, long long delay_ms)
{
	char *tmp;
	FILE *f;
	int fd, rc = -1;

	if (c == NULL || c->delay_file == NULL)
		return 0;
	if (failures <= 0)
		return unlink(c->delay_file) == 0 || errno == ENOENT ? 0 : -1;
	tmp = xasprintf("%s.new", c->delay_file);
	unlink(tmp);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
	          0600);
	if (fd >= 0 && (f = fdopen(fd, "w")) != NULL) {
		fprintf(f, "%d %lld\n", failures, wall_ms() + delay_ms);
		/* On disk before the PIN is checked: a crash keeps it. */
		if (fflush(f) == 0 && fsync(fd) == 0 && fclose(f) == 0)
			rc = rename(tmp, c->delay_file);
		else
			fclose(f);
	} else if (fd >= 0) {
		close(fd);
	}
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	return rc;
}

/* Returns NULL when pin can be typed on the PIN screen, else why not. */
const char *
config_pin_refused(const char *pin)
{
	size_t n = strlen(pin);

	for (size_t i = 0; i < n; i++)
		if (!CONFIG_PIN_CHAR((unsigned char)pin[i]))
			return "a PIN is made of ASCII letters, digits and "
			       "punctuation, without spaces or tabs: the PIN "
			       "screen types nothing else";
	if (n < CONFIG_PIN_MIN)
		return "a PIN has at least " STR(CONFIG_PIN_MIN) " characters";
	if (n > CONFIG_PIN_MAX)
		return "a PIN has at most " STR(CONFIG_PIN_MAX) " characters: "
		       "the PIN screen types no more";
	return NULL;
}

/* Returns true when pin matches the staff PIN. */
bool
config_pin_ok(const struct config *c, const char *pin)
{
	struct crypt_data data;
	const char *h;
	size_t n;
	unsigned diff = 0;

	if (c == NULL || c->pin == NULL || pin == NULL || *pin == '\0')
		return false;
	memset(&data, 0, sizeof data);
	h = crypt_r(pin, c->pin, &data);
	if (h == NULL || *h == '*' || strlen(h) != strlen(c->pin)) {
		explicit_bzero(&data, sizeof data);
		return false;
	}
	/* Compare in constant time. */
	n = strlen(h);
	for (size_t i = 0; i < n; i++)
		diff |= (unsigned)(h[i] ^ c->pin[i]);
	explicit_bzero(&data, sizeof data);
	return diff == 0;
}

/* Returns a new salted hash of pin. */
char *
config_hash_pin(const char *pin)
{
	struct crypt_data data;
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	const char *h;

	memset(&data, 0, sizeof data);
	if (crypt_gensalt_rn(NULL, 0, NULL, 0, salt, sizeof salt) == NULL)
		return NULL;
	h = crypt_r(pin, salt, &data);
	h = h == NULL || *h == '*' ? NULL : xstrdup(h);
	explicit_bzero(&data, sizeof data);
	return (char *)h;
}

/* Frees what config_load stored. */
void
config_free(struct config *c)
{
	free(c->pin);
	c->pin = NULL;
	free(c->pin_from);
	c->pin_from = NULL;
	free(c->delay_file);
	c->delay_file = NULL;
	free(c->languages);
	c->languages = NULL;
}
