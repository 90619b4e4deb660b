/*
 * Reserved dossier ids (see dossier_id.h).
 */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "dossier_id.h"

/* The extensions of the files written at the top of the output
 * directory (README.md, "Output directory"). */
static const char *const reserved[] = {"csv", "odt", "html", "p7s", "lock"};

/* Whether the part at s, n bytes long, is one of them. */
static bool is_reserved_part(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof(reserved) / sizeof(*reserved); i++)
		if (strlen(reserved[i]) == n &&
		    strncasecmp(s, reserved[i], n) == 0)
			return true;
	return false;
}

bool dossier_id_reserved(const char *id)
{
	for (const char *dot = strchr(id, '.'); dot != NULL;
	     dot = strchr(dot + 1, '.')) {
		const char *part = dot + 1;
		size_t n = strcspn(part, ". \t\r\n");
		if (is_reserved_part(part, n))
			return true;
	}
	return false;
}

bool dossier_id_check(const char *id, const char *file, long line)
{
	if (!dossier_id_reserved(id))
		return true;
	diag(MSG_DOSSIER_ID_RESERVED_NO_PART, file, line, id);
	return false;
}
