/*
 * parcours: command line, clock, environment and exit status.  The only
 * file that reads the clock or the environment, and the only one that
 * exits (but for hyphen.c's atexit handler, which turns an exit() inside
 * libhyphen into status 3): the commands report through diag.h and
 * return, a batch worker included.
 */
#include <ctype.h>
#include <getopt.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "diag.h"
#include "paths.h"

/* --within not given: each command's default (cli.md). */
#define WITHIN_UNSET	      (-2)
#define WITHIN_DOCUMENTS_DAYS 365

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
    {"dashboard", cmd_dashboard, true, "the campaign page, index.html"},
    {"verify", cmd_verify, false, "re-hash what a manifest lists"},
    {"import", cmd_import, true, "dossiers from an HR export (CSV)"},
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
	OPT_NO_DASHBOARD,
	OPT_SHARD,
	OPT_SEAL,
	OPT_SEAL_PASSWORD_FILE,
	OPT_TSA,
	OPT_TRUST,
	OPT_MAP,
	OPT_ORGANIZER,
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
    {"no-dashboard", no_argument, NULL, OPT_NO_DASHBOARD},
    {"shard", required_argument, NULL, OPT_SHARD},
    {"seal", required_argument, NULL, OPT_SEAL},
    {"seal-password-file", required_argument, NULL, OPT_SEAL_PASSWORD_FILE},
    {"tsa", required_argument, NULL, OPT_TSA},
    {"trust", required_argument, NULL, OPT_TRUST},
    {"map", required_argument, NULL, OPT_MAP},
    {"organizer", required_argument, NULL, OPT_ORGANIZER},
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
	fputs(
	    "\noptions:\n"
	    "  -o, --output DIR     where documents go (default out/)\n"
	    "  --as-of DATE         reference date (default: today, or\n"
	    "                       SOURCE_DATE_EPOCH's date)\n"
	    "  --company FILE       company for dossiers that carry none\n"
	    "  --templates DIR      another template set\n"
	    "  --fonts DIR          another font folder\n"
	    "  --format FMT         csv, table, pdf, odt or tree\n"
	    "  --within DAYS|all    blank forms, provisional recaps, status:\n"
	    "                       only obligations overdue or due within\n"
	    "                       DAYS (default 365; status: all)\n"
	    "  --year Y             stats: the calendar year\n"
	    "  --blank              report: blank forms for open obligations\n"
	    "  --merge FILE.odt     letters: also one merged document\n"
	    "  -j, --jobs N         worker processes (default: CPUs)\n"
	    "  -q, --quiet          no progress output\n"
	    "  --progress           progress even when not on a terminal\n"
	    "  --pdfa               PDF/A-1b output for archiving\n"
	    "  --no-dashboard       all: no index.html\n"
	    "  --shard K/N          only the dossiers of shard K of N\n"
	    "  --seal FILE.p12      the employer's seal on every PDF and\n"
	    "                       on the manifest (PAdES, CMS)\n"
	    "  --seal-password-file FILE\n"
	    "                       its password (else the environment\n"
	    "                       variable PARCOURS_SEAL_PASSWORD)\n"
	    "  --tsa URL            RFC 3161 timestamp on every seal\n"
	    "  --trust CA.pem       verify: seals must chain to this CA\n"
	    "  --map FILE           import: rename the export's columns\n"
	    "  --organizer EMAIL    all, letters: invitations sent from\n"
	    "                       this mailbox (iTIP REQUEST)\n"
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
			diag(MSG_CLI_SOURCE_DATE_EPOCH_NOT, NULL, 0, sde);
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
	    {"csv", FORMAT_CSV}, {"table", FORMAT_TABLE}, {"pdf", FORMAT_PDF},
	    {"odt", FORMAT_ODT}, {"tree", FORMAT_TREE},
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
		diag(MSG_CLI_EXPECT_NOT_SHA_256, NULL, 0);
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
		diag(MSG_CLI_AS_OF_NOT_DATE, NULL, 0, arg);
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
		diag(MSG_CLI_FORMAT_UNKNOWN_FORMAT, NULL, 0, arg);
		return false;
	case OPT_WITHIN:
		if (strcmp(arg, "all") == 0) {
			o->within_days = -1;
			return true;
		}
		if (parse_int(arg, 0, 100000, &v)) {
			o->within_days = (int)v;
			return true;
		}
		diag(MSG_CLI_WITHIN_NOT_NUMBER_DAYS, NULL, 0, arg);
		return false;
	case 'j':
		if (parse_int(arg, 1, 256, &v)) {
			o->jobs = (int)v;
			return true;
		}
		diag(MSG_CLI_JOBS_NOT_NUMBER, NULL, 0, arg);
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
		diag(MSG_CLI_YEAR_NOT_YEAR, NULL, 0, arg);
		return false;
	case OPT_NO_DASHBOARD:
		o->no_dashboard = true;
		return true;
	case OPT_PDFA:
		o->pdfa = true;
		return true;
	case OPT_ORGANIZER:
		if (strchr(arg, '@') != NULL && strlen(arg) <= 254 &&
		    strpbrk(arg, " \t\r\n\"<>,;:") == NULL) {
			o->organizer = arg;
			return true;
		}
		diag(MSG_CLI_ORGANIZER_NOT_EMAIL_ADDRESS, NULL, 0, arg);
		return false;
	case OPT_MAP:
		o->map_file = arg;
		return true;
	case OPT_SHARD:
		if (parse_shard(arg, &o->shard_k, &o->shard_n))
			return true;
		diag(MSG_CLI_SHARD_NOT_K_N, NULL, 0, arg);
		return false;
	case OPT_SEAL:
		o->seal_file = arg;
		return true;
	case OPT_SEAL_PASSWORD_FILE:
		o->seal_password_file = arg;
		return true;
	case OPT_TSA:
		o->tsa_url = arg;
		return true;
	case OPT_TRUST:
		o->trust_file = arg;
		return true;
	case OPT_EXPECT:
		return take_expect(arg, o);
	default:
		return false;
	}
}

/*
 * The seal goes on the PDFs and the manifest of the commands that write
 * them; --trust is verify's.  false after a usage message.
 */
static bool check_seal_options(const char *cmd, const struct options *o)
{
	bool pdfs = strcmp(cmd, "notice") == 0 || strcmp(cmd, "report") == 0 ||
		    strcmp(cmd, "all") == 0 ||
		    (strcmp(cmd, "recap") == 0 && o->format != FORMAT_CSV) ||
		    (strcmp(cmd, "letters") == 0 && o->format == FORMAT_PDF);
	if (o->seal_file != NULL && !pdfs) {
		diag(MSG_CLI_SEAL_NOT_HERE, NULL, 0, cmd);
		return false;
	}
	if (o->seal_file == NULL &&
	    (o->tsa_url != NULL || o->seal_password_file != NULL)) {
		diag(MSG_CLI_NEEDS_SEAL_FILE_P12, NULL, 0, cmd,
		     o->tsa_url != NULL ? "tsa" : "seal-password-file");
		return false;
	}
	if (o->trust_file != NULL && strcmp(cmd, "verify") != 0) {
		diag(MSG_CLI_TRUST_APPLIES_VERIFY, NULL, 0, cmd);
		return false;
	}
	return true;
}

/*
 * Per-document costs of the process, not of its output (bench/README.md):
 *
 * - With TZ unset, glibc stats /etc/localtime at every localtime() and
 *   mktime(), and libzip calls them for every member's date: five system
 *   calls a letter.  TZ=:/etc/localtime names the same zone, read once.
 * - glibc gives memory back (brk) as soon as 128 KiB are free at the top
 *   of the heap, and maps blocks past a threshold it moves as it goes:
 *   every document grew and shrank the heap again, eight brk() and their
 *   page faults a letter.  Fixed thresholds keep the pages of the last
 *   document for the next.
 */
static void tune_process(void)
{
	if (getenv("TZ") == NULL)
		setenv("TZ", ":/etc/localtime", 0);
	mallopt(M_MMAP_THRESHOLD, 8 * 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 16 * 1024 * 1024);
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
	    .within_days = WITHIN_UNSET,
	    .jobs = 0,
	    .seconds = monotonic_seconds,
	};

	tune_process();
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
		diag(MSG_CLI_UNKNOWN_COMMAND_SEE_PARCOURS, NULL, 0, argv[1]);
		return DIAG_USAGE;
	}

	/* getopt_long permutes, so options may follow the inputs. */
	int c;
	optind = 2;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:j:qhV", long_options, NULL)) !=
	       -1) {
		if (c == 'h') {
			usage(stdout);
			return 0;
		}
		if (c == 'V') {
			printf("parcours %s\n", PARCOURS_VERSION);
			return 0;
		}
		if (c == '?' || c == ':') {
			diag(MSG_CLI_BAD_OPTION, NULL, 0, cmd->name,
			     c == ':' ? "missing argument to" : "unknown",
			     argv[optind - 1]);
			return DIAG_USAGE;
		}
		if (!take_option(c, optarg, &o))
			return DIAG_USAGE;
	}
	o.inputs = argv + optind;
	o.ninputs = argc - optind;
	/* The seal's password never comes from the command line, where
	 * every user of the machine could read it. */
	o.seal_password = getenv("PARCOURS_SEAL_PASSWORD");
	if (!check_seal_options(cmd->name, &o))
		return DIAG_USAGE;
	if (cmd->needs_inputs && o.ninputs == 0) {
		diag(MSG_CLI_NO_INPUT_GIVE_DOSSIER, NULL, 0, cmd->name);
		return DIAG_USAGE;
	}
	/* cli.md: status shows all; the documents, this year's forms. */
	if (o.within_days == WITHIN_UNSET)
		o.within_days = strcmp(cmd->name, "status") == 0
				    ? -1
				    : WITHIN_DOCUMENTS_DAYS;
	if (o.as_of == DATE_NONE && (o.as_of = default_as_of()) == DATE_NONE)
		return DIAG_USAGE;
	if (o.jobs == 0) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		o.jobs = n > 0 ? (int)(n > 256 ? 256 : n) : 1;
	}
	if (!paths_resolve(getenv("PARCOURS_DATADIR"), &o))
		return DIAG_SYSTEM;

	cmd->run(&o);
	return diag_worst();
}
