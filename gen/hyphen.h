/*
 * Where a French word may be hyphenated: libhyphen with the patterns of
 * Debian's hyphen-fr.  The only file that includes libhyphen; for the
 * layout, which breaks justified lines with it.
 */
#ifndef PARCOURS_HYPHEN_H
#define PARCOURS_HYPHEN_H

#include <stddef.h>

/* The patterns Debian's hyphen-fr installs. */
#define HYPHEN_FR_DICT "/usr/share/hyphen/hyph_fr.dic"

struct hyphen;

/*
 * Loads the patterns at path; NULL when they cannot be read (the layout
 * then breaks between words only).  Free with hyphen_free().
 */
struct hyphen *hyphen_new(const char *path);
/* NULL is a no-op. */
void hyphen_free(struct hyphen *);

/*
 * The byte offsets of word[0..len) after which a hyphen may break it, in
 * ascending order, at most max of them; returns how many.  Only words of
 * lower-case letters are hyphenated (never a name or an acronym), at least
 * two letters before the break and three after it.
 */
size_t hyphen_points(const struct hyphen *, const char *word, size_t len,
		     size_t *out, size_t max);

#endif
