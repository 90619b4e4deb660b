/*
 * Reduction of a family name to ASCII letters, digits and '-', for output
 * file names (cli.md: "Żółć" -> "ZOLC").  For outfile.c.
 */
#include <stdint.h>
#include <string.h>

#include "ascii_fold.h"
#include "utf8.h"

/* Generated from Unicode NFD decompositions: the ASCII letters of each
 * Latin letter, upper-cased; "" where there is none. */
static const char *const fold_00C0[] = {
    "A", "A", "A",  "A",  "A", "A", "AE", "C",	"E", "E", "E",	"E", "I",  "I",
    "I", "I", "D",  "N",  "O", "O", "O",  "O",	"O", "",  "O",	"U", "U",  "U",
    "U", "Y", "TH", "SS", "A", "A", "A",  "A",	"A", "A", "AE", "C", "E",  "E",
    "E", "E", "I",  "I",  "I", "I", "D",  "N",	"O", "O", "O",	"O", "O",  "",
    "O", "U", "U",  "U",  "U", "Y", "TH", "Y",	"A", "A", "A",	"A", "A",  "A",
    "C", "C", "C",  "C",  "C", "C", "C",  "C",	"D", "D", "D",	"D", "E",  "E",
    "E", "E", "E",  "E",  "E", "E", "E",  "E",	"G", "G", "G",	"G", "G",  "G",
    "G", "G", "H",  "H",  "H", "H", "I",  "I",	"I", "I", "I",	"I", "I",  "I",
    "I", "I", "IJ", "IJ", "J", "J", "K",  "K",	"K", "L", "L",	"L", "L",  "L",
    "L", "L", "L",  "L",  "L", "N", "N",  "N",	"N", "N", "N",	"",  "NG", "NG",
    "O", "O", "O",  "O",  "O", "O", "OE", "OE", "R", "R", "R",	"R", "R",  "R",
    "S", "S", "S",  "S",  "S", "S", "S",  "S",	"T", "T", "T",	"T", "T",  "T",
    "U", "U", "U",  "U",  "U", "U", "U",  "U",	"U", "U", "U",	"U", "W",  "W",
    "Y", "Y", "Y",  "Z",  "Z", "Z", "Z",  "Z",	"Z", "S", "",	"",  "",   "",
    "",	 "",  "",   "",	  "",  "D", "",	  "",	"",  "",  "",	"",  "",   "F",
    "F", "",  "",   "",	  "",  "",  "",	  "",	"",  "",  "",	"",  "",   "",
    "O", "O", "",   "",	  "",  "",  "",	  "",	"",  "",  "",	"",  "",   "",
    "",	 "U", "U",  "",	  "",  "",  "",	  "",	"",  "",  "",	"",  "",   "",
    "",	 "",  "",   "",	  "",  "",  "",	  "",	"",  "",  "",	"",  "",   "",
    "",	 "",  "",   "A",  "A", "I", "I",  "O",	"O", "U", "U",	"U", "U",  "U",
    "U", "U", "U",  "U",  "U", "",  "A",  "A",	"A", "A", "",	"",  "",   "",
    "G", "G", "K",  "K",  "O", "O", "O",  "O",	"",  "",  "J",	"",  "",   "",
    "G", "G", "",   "",	  "N", "N", "A",  "A",	"",  "",  "",	"",  "A",  "A",
    "A", "A", "E",  "E",  "E", "E", "I",  "I",	"I", "I", "O",	"O", "O",  "O",
    "R", "R", "R",  "R",  "U", "U", "U",  "U",	"S", "S", "T",	"T", "",   "",
    "H", "H", "",   "",	  "",  "",  "",	  "",	"A", "A", "E",	"E", "O",  "O",
    "O", "O", "O",  "O",  "O", "O", "Y",  "Y",	"",  "",  "",	"",  "",   "",
    "",	 "",  "",   "",	  "",  "",  "",	  "",	"",  "",  "",	"",  "",   "",
    "",	 "",  "",   "",	  "",  "",  "",	  "",
};
static const char *const fold_1E00[] = {
    "A", "A", "B", "B", "B", "B", "B", "B", "C",  "C", "D", "D", "D", "D", "D",
    "D", "D", "D", "D", "D", "E", "E", "E", "E",  "E", "E", "E", "E", "E", "E",
    "F", "F", "G", "G", "H", "H", "H", "H", "H",  "H", "H", "H", "H", "H", "I",
    "I", "I", "I", "K", "K", "K", "K", "K", "K",  "L", "L", "L", "L", "L", "L",
    "L", "L", "M", "M", "M", "M", "M", "M", "N",  "N", "N", "N", "N", "N", "N",
    "N", "O", "O", "O", "O", "O", "O", "O", "O",  "P", "P", "P", "P", "R", "R",
    "R", "R", "R", "R", "R", "R", "S", "S", "S",  "S", "S", "S", "S", "S", "S",
    "S", "T", "T", "T", "T", "T", "T", "T", "T",  "U", "U", "U", "U", "U", "U",
    "U", "U", "U", "U", "V", "V", "V", "V", "W",  "W", "W", "W", "W", "W", "W",
    "W", "W", "W", "X", "X", "X", "X", "Y", "Y",  "Z", "Z", "Z", "Z", "Z", "Z",
    "H", "T", "W", "Y", "",  "",  "",  "",  "SS", "",  "A", "A", "A", "A", "A",
    "A", "A", "A", "A", "A", "A", "A", "A", "A",  "A", "A", "A", "A", "A", "A",
    "A", "A", "A", "A", "E", "E", "E", "E", "E",  "E", "E", "E", "E", "E", "E",
    "E", "E", "E", "E", "E", "I", "I", "I", "I",  "O", "O", "O", "O", "O", "O",
    "O", "O", "O", "O", "O", "O", "O", "O", "O",  "O", "O", "O", "O", "O", "O",
    "O", "O", "O", "U", "U", "U", "U", "U", "U",  "U", "U", "U", "U", "U", "U",
    "U", "U", "Y", "Y", "Y", "Y", "Y", "Y", "Y",  "Y", "",  "",	 "",  "",  "",
    "",
};

static const char *fold_one(uint32_t cp)
{
	static char ascii[2];
	if (cp < 0x80) {
		if ((cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
			ascii[0] = (char)cp;
		} else if (cp >= 'a' && cp <= 'z') {
			ascii[0] = (char)(cp - 'a' + 'A');
		} else if (cp == '-' || cp == ' ') {
			ascii[0] = '-'; /* "Le Gall" -> "LE-GALL" */
		} else {
			return ""; /* apostrophes and the rest vanish */
		}
		ascii[1] = '\0';
		return ascii;
	}
	if (cp >= 0xC0 && cp <= 0x24F)
		return fold_00C0[cp - 0xC0];
	if (cp >= 0x1E00 && cp <= 0x1EFF)
		return fold_1E00[cp - 0x1E00];
	return "";
}

size_t ascii_fold_name(const char *name, char *out, size_t size)
{
	size_t n = 0, left = strlen(name);
	if (size == 0)
		return 0;
	while (left > 0) {
		uint32_t cp;
		size_t len = utf8_decode(name, left, &cp);
		name += len;
		left -= len;
		for (const char *a = fold_one(cp); *a != '\0'; a++) {
			/* No leading, doubled or (below) trailing dash. */
			if (*a == '-' && (n == 0 || out[n - 1] == '-'))
				continue;
			if (n + 1 < size)
				out[n++] = *a;
		}
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
	return n;
}
