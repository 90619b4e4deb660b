/*
 * parcours: command line, clock and exit status.  The only file that reads
 * the clock or the environment, and the only one that exits.
 */
#include <ctype.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "paths.h"

struct command {
	const char *name;
	void (*run)(const struct options *);
	bool needs_inputs;
	const char *summary;
};

static const struct command commands[] = {
	{"validate", cmd_validate, true, "check dossiers, write nothing"},
	{"status", cmd_status, true, "open obligations (table or CSV)"},
	{"recap", cmd_recap, true, "état des lieux récapitulatif (PDF or CSV)"},
	{"notice", cmd_notice, true, "hiring information notices (PDF)"},
	{"report", cmd_report, true, "interview reports to sign (PDF)"},
	{"letters", cmd_letters, true, "convocation and refusal letters (ODT)"},
	{"stats", cmd_stats, true, "CSE / BDESE figures for --year"},
	{"all", cmd_all, true, "every document, with manifest.csv"},
	{"verify", cmd_verify, false, "re-hash what a manifest lists"},
};

enum {
	OPT_AS_OF = 256,
	OPT_COMPANY,
	OPT_TEMPLATES,
	OPT_FONTS,
	OPT_FORMAT,
	OPT_WITHIN,
	OPT_PROGRESS,
	OPT_BLANK,
	OPT_MERGE,
	OPT_YEAR,
	OPT_PDFA,
	OPT_SHARD,
	OPT_EXPECT,
};

static const struct option long_options[] = {
	{"output", required_argument, NULL, 'o'},
	{"as-of", required_argument, NULL, OPT_AS_OF},
	{"company", required_argument, NULL, OPT_COMPANY},
	{"templates", required_argument, NULL, OPT_TEMPLATES},
	{"fonts", required_argument, NULL, OPT_FONTS},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"within", required_argument, NULL, OPT_WITHIN},
	{"jobs", required_argument, NULL, 'j'},
	{"quiet", no_argument, NULL, 'q'},
	{"progress", no_argument, NULL, OPT_PROGRESS},
	{"blank", no_argument, NULL, OPT_BLANK},
	{"merge", required_argument, NULL, OPT_MERGE},
	{"year", required_argument, NULL, OPT_YEAR},
	{"pdfa", no_argument, NULL, OPT_PDFA},
	{"shard", required_argument, NULL, OPT_SHARD},
	{"expect", required_argument, NULL, OPT_EXPECT},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

static void usage(FILE *out)
{
	fputs("usage: parcours COMMAND [OPTIONS] INPUT...\n\n"
	      "INPUT is a dossier file, a directory of *.xml dossiers, or -\n"
	      "for standard input.\n\ncommands:\n",
	      out);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  %-10s %s\n", commands[i].name,
			commands[i].summary);
	fputs("\noptions:\n"
	      "  -o, --output DIR     where documents go (default out/)\n"
	      "  --as-of DATE         reference date (default: today, or\n"
	      "                       SOURCE_DATE_EPOCH's date)\n"
	      "  --company FILE       company for dossiers that carry none\n"
	      "  --templates DIR      another template set\n"
	      "  --fonts DIR          another font folder\n"
	      "  --format FMT         csv, table, pdf, odt or tree\n"
	      "  --within DAYS        status: overdue or due within DAYS\n"
	      "  --year Y             stats: the calendar year\n"
	      "  --blank              report: blank forms for open obligations\n"
	      "  --merge FILE.odt     letters: also one merged document\n"
	      "  -j, --jobs N         worker processes (default: CPUs)\n"
	      "  -q, --quiet          no progress output\n"
	      "  --progress           progress even when not on a terminal\n"
	      "  --pdfa               PDF/A-1b output for archiving\n"
	      "  --shard K/N          only the dossiers of shard K of N\n"
	      "  --expect SHA256      verify: the manifest's own hash, as all\n"
	      "                       printed it\n"
	      "  -h, --help           this help\n"
	      "  -V, --version        version\n\n"
	      "Exit status: 0 all inputs processed, 1 a dossier had an "
	      "error,\n2 usage error, 3 system error.\n",
	      out);
}

static bool parse_int(const char *s, long min, long max, long *out)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < min || v > max)
		return false;
	*out = v;
	return true;
}

/* The default reference date: SOURCE_DATE_EPOCH's date, else today. */
static date_t default_as_of(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t;
	if (sde != NULL && *sde != '\0') {
		long long v;
		char *end;
		v = strtoll(sde, &end, 10);
		if (*end != '\0' || v < 0) {
			diag_usage("SOURCE_DATE_EPOCH is not a number of "
				   "seconds: \"%s\"",
				   sde);
			return DATE_NONE;
		}
		t = (time_t)v;
	} else {
		t = time(NULL);
	}
	struct tm tm;
	if (gmtime_r(&t, &tm) == NULL)
		return DATE_NONE;
	if (sde == NULL || *sde == '\0')
		localtime_r(&t, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* For progress rates (struct options' seconds). */
static double monotonic_seconds(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return 0;
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool parse_format(const char *s, enum out_format *out)
{
	static const struct {
		const char *name;
		enum out_format format;
	} names[] = {
		{"csv", FORMAT_CSV}, {"table", FORMAT_TABLE},
		{"pdf", FORMAT_PDF}, {"odt", FORMAT_ODT},
		{"tree", FORMAT_TREE},
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i].name) == 0) {
			*out = names[i].format;
			return true;
		}
	return false;
}

static bool parse_shard(const char *s, int *k, int *n)
{
	long kk, nn;
	const char *slash = strchr(s, '/');
	char head[32];
	if (slash == NULL || (size_t)(slash - s) >= sizeof(head))
		return false;
	memcpy(head, s, (size_t)(slash - s));
	head[slash - s] = '\0';
	if (!parse_int(head, 1, INT_MAX, &kk) ||
	    !parse_int(slash + 1, 1, INT_MAX, &nn) || kk > nn)
		return false;
	*k = (int)kk;
	*n = (int)nn;
	return true;
}

/* verify --expect: 64 hex digits, kept lower-case; false after usage. */
static bool take_expect(const char *arg, struct options *o)
{
	static char hex[65];
	size_t n = strspn(arg, "0123456789abcdefABCDEF");
	if (n != 64 || arg[n] != '\0') {
		diag_usage("--expect: not a SHA-256 (64 hexadecimal digits)");
		return false;
	}
	for (size_t i = 0; i < 64; i++)
		hex[i] = (char)tolower((unsigned char)arg[i]);
	hex[64] = '\0';
	o->expect = hex;
	return true;
}

/* Parses one option into o; false (after a usage message) if bad. */
static bool take_option(int c, const char *arg, struct options *o)
{
	long v;
	switch (c) {
	case 'o':
		o->output_dir = arg;
		return true;
	case OPT_AS_OF:
		if (date_parse(arg, &o->as_of))
			return true;
		diag_usage("--as-of: \"%s\" is not a date (YYYY-MM-DD)", arg);
		return false;
	case OPT_COMPANY:
		o->company_file = arg;
		return true;
	case OPT_TEMPLATES:
		o->templates_dir = arg;
		return true;
	case OPT_FONTS:
		o->fonts_dir = arg;
		return true;
	case OPT_FORMAT:
		if (parse_format(arg, &o->format))
			return true;
		diag_usage("--format: unknown format \"%s\"", arg);
		return false;
	case OPT_WITHIN:
		if (parse_int(arg, 0, 100000, &v)) {
			o->within_days = (int)v;
			return true;
		}
		diag_usage("--within: \"%s\" is not a number of days", arg);
		return false;
	case 'j':
		if (parse_int(arg, 1, 256, &v)) {
			o->jobs = (int)v;
			return true;
		}
		diag_usage("-j: \"%s\" is not a number from 1 to 256", arg);
		return false;
	case 'q':
		o->quiet = true;
		return true;
	case OPT_PROGRESS:
		o->progress = true;
		return true;
	case OPT_BLANK:
		o->blank = true;
		return true;
	case OPT_MERGE:
		o->merge_file = arg;
		return true;
	case OPT_YEAR:
		if (parse_int(arg, DATE_YEAR_MIN, DATE_YEAR_MAX, &v)) {
			o->year = (int)v;
			return true;
		}
		diag_usage("--year: \"%s\" is not a year", arg);
		return false;
	case OPT_PDFA:
		o->pdfa = true;
		return true;
	case OPT_SHARD:
		if (parse_shard(arg, &o->shard_k, &o->shard_n))
			return true;
		diag_usage("--shard: \"%s\" is not K/N with 1 <= K <= N", arg);
		return false;
	case OPT_EXPECT:
		return take_expect(arg, o);
	default:
		return false;
	}
}

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

int main(int argc, char *argv[])
{
	struct options o = {
		.as_of = DATE_NONE,
		.output_dir = "out",
		.within_days = -1,
		.jobs = 0,
		.seconds = monotonic_seconds,
	};

	if (argc < 2) {
		usage(stderr);
		return DIAG_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("parcours %s\n", PARCOURS_VERSION);
		return 0;
	}
	const struct command *cmd = find_command(argv[1]);
	if (cmd == NULL) {
		diag_usage("unknown command \"%s\" (see parcours --help)",
			   argv[1]);
		return DIAG_USAGE;
	}

	/* getopt_long permutes, so options may follow the inputs. */
	int c;
	optind = 2;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:j:qhV", long_options,
				NULL)) != -1) {
		if (c == 'h') {
			usage(stdout);
			return 0;
		}
		if (c == 'V') {
			printf("parcours %s\n", PARCOURS_VERSION);
			return 0;
		}
		if (c == '?' || c == ':') {
			diag_usage("%s: %s option %s", cmd->name,
				   c == ':' ? "missing argument to"
					    : "unknown",
				   argv[optind - 1]);
			return DIAG_USAGE;
		}
		if (!take_option(c, optarg, &o))
			return DIAG_USAGE;
	}
	o.inputs = argv + optind;
	o.ninputs = argc - optind;
	if (cmd->needs_inputs && o.ninputs == 0) {
		diag_usage("%s: no input (give dossier files, directories or -)",
			   cmd->name);
		return DIAG_USAGE;
	}
	if (o.as_of == DATE_NONE && (o.as_of = default_as_of()) == DATE_NONE)
		return DIAG_USAGE;
	if (o.jobs == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		o.jobs = n > 0 ? (int)(n > 256 ? 256 : n) : 1;
	}
	if (!paths_resolve(argv[0], &o))
		return DIAG_SYSTEM;

	cmd->run(&o);
	return diag_worst();
}
