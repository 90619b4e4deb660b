/*
 * Hyphenation points from libhyphen (see hyphen.h).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hyphen.h>

#include "hyphen.h"
#include "utf8.h"

/* Longer words are left alone: none of ours is. */
#define HYPHEN_MAX_WORD 64

struct hyphen {
	HyphenDict *dict;
};

/*
 * libhyphen's allocator prints "can't allocate N bytes" and calls
 * exit(1) when malloc fails: status 1 would say "a dossier had an
 * error" where the machine ran out of memory.  While we are inside
 * libhyphen, an exit is that, and becomes the system error it is
 * (status 3, cli.md), with words; _exit() is allowed in an atexit
 * handler, exit() again would not be.
 */
static volatile bool inside;

static void exit_inside(void)
{
	static const char words[] =
	    "parcours: error: out of memory (in libhyphen, hyphenating)\n";
	if (inside) {
		(void)!write(2, words, sizeof(words) - 1);
		_exit(3);
	}
}

static void enter(void)
{
	static bool registered;
	if (!registered)
		registered = atexit(exit_inside) == 0;
	inside = true;
}

struct hyphen *hyphen_new(const char *path)
{
	struct hyphen *h = calloc(1, sizeof(*h));
	if (h == NULL)
		return NULL;
	enter();
	h->dict = hnj_hyphen_load(path);
	inside = false;
	if (h->dict == NULL) {
		free(h);
		return NULL;
	}
	return h;
}

void hyphen_free(struct hyphen *h)
{
	if (h == NULL)
		return;
	hnj_hyphen_free(h->dict);
	free(h);
}

/* Lower-case French letters: a-z and the accented ones, œ and æ. */
static bool is_lower(uint32_t c)
{
	if (c >= 'a' && c <= 'z')
		return true;
	if (c >= 0xDF && c <= 0xFF && c != 0xF7)
		return true;
	return c == 0x153 || c == 0xE6;
}

size_t hyphen_points(const struct hyphen *h, const char *word, size_t len,
		     size_t *out, size_t max)
{
	char hyphens[HYPHEN_MAX_WORD + 5];
	size_t n = 0, letters = 0;
	if (h == NULL || len < 5 || len > HYPHEN_MAX_WORD)
		return 0;
	for (size_t at = 0; at < len;) {
		uint32_t c;
		size_t k = utf8_decode(word + at, len - at, &c);
		if (k == 0 || !is_lower(c))
			return 0;
		at += k;
		letters++;
	}
	if (letters < 5)
		return 0;
	memset(hyphens, 0, sizeof(hyphens));
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	enter();
	int failed = hnj_hyphen_hyphenate3(h->dict, word, (int)len, hyphens,
					   NULL, &rep, &pos, &cut, 2, 3, 2, 2);
	inside = false;
	if (failed != 0)
		return 0;
	/* With a UTF-8 dictionary, hyphens[] counts characters, not bytes:
	 * hyphens[i] odd is a point after character i.  Non-standard points
	 * (rep) would change letters: none in French, and we take none. */
	size_t at = 0;
	for (size_t i = 0; i + 1 < letters && n < max; i++) {
		uint32_t c;
		at += utf8_decode(word + at, len - at, &c);
		if ((hyphens[i] & 1) && (rep == NULL || rep[i] == NULL))
			out[n++] = at;
	}
	if (rep != NULL) {
		for (size_t i = 0; i < len; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	return n;
}
