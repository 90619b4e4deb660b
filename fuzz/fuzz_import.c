/*
 * libFuzzer harness: the CSV importer (import.h) on an export of several
 * files, given as one input whose parts are separated by "\n%%\n" (the
 * first part is the employees' file, then companies, absences, ...; see
 * names[]).  For `make fuzz`; never linked into parcours.
 *
 * Besides crashes and leaks, it checks what the importer promises: every
 * dossier it writes is read back by the dossier reader (schema and
 * checks), and every company id names a file, never a path.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "import.h"

#define SEP "\n%%\n"

static const char *const names[] = {
    "salaries.csv",   "societes.csv", "absences.csv",	"convocations.csv",
    "entretiens.csv", "actions.csv",  "formations.csv", "abondements.csv",
    "positions.csv",  "mandats.csv",
};
#define NNAMES (sizeof(names) / sizeof(names[0]))

static void count(const struct dossier *d, void *ctx)
{
	(void)d;
	++*(size_t *)ctx;
}

static bool check(void *ctx, const struct import_output *o)
{
	(void)ctx;
	if (strchr(o->company_id, '/') != NULL || o->company_id[0] == '.')
		abort();
	size_t read = 0;
	fuzz_each_dossier(fuzz_memfile((const uint8_t *)o->xml, o->len), count,
			  &read);
	if (read != o->ndossiers)
		abort(); /* a dossier the reader refuses */
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_quiet();
	struct import_file files[NNAMES];
	size_t n = 0;
	const char *p = (const char *)data, *end = p + size;
	while (n < NNAMES) {
		const char *sep = NULL;
		for (const char *q = p; q + strlen(SEP) <= end; q++)
			if (memcmp(q, SEP, strlen(SEP)) == 0) {
				sep = q;
				break;
			}
		const char *stop = sep != NULL ? sep : end;
		files[n] = (struct import_file){
		    .name = names[n], .data = p, .len = (size_t)(stop - p)};
		n++;
		if (sep == NULL)
			break;
		p = sep + strlen(SEP);
	}
	struct import_result res;
	import_run(files, n, NULL, check, NULL, &res);
	return 0;
}
