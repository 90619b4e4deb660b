/*
 * The parsed command line, shared by main.c and the cmd_*.c files that
 * implement each subcommand.  Only main.c fills it.
 */
#ifndef PARCOURS_CLI_H
#define PARCOURS_CLI_H

#include <stdbool.h>

#include "date.h"

enum out_format {
	FORMAT_DEFAULT, /* the command's own default */
	FORMAT_CSV,
	FORMAT_TABLE,
	FORMAT_PDF,
	FORMAT_ODT,
	FORMAT_TREE, /* document tree dump, for tests */
};

struct options {
	date_t as_of;		   /* never DATE_NONE once main has run */
	const char *output_dir;	   /* default "out" */
	const char *company_file;  /* NULL if none */
	const char *templates_dir; /* resolved, never NULL */
	const char *fonts_dir;	   /* resolved, never NULL */
	const char *schema_dir;	   /* resolved, never NULL */
	enum out_format format;
	int within_days; /* -1: all; resolved by main */
	int jobs;	 /* worker processes, >= 1 */
	bool quiet;
	bool progress;		/* forced with --progress */
	bool blank;		/* report --blank */
	const char *merge_file; /* letters --merge FILE.odt */
	int year;		/* stats --year; 0 if unset */
	bool pdfa;
	bool no_dashboard;    /* all --no-dashboard: no index.html */
	int shard_k, shard_n; /* --shard K/N; n == 0: no sharding */
	/* The employer's electronic seal (seal.h), and verify's trust. */
	const char *seal_file;		/* --seal FILE.p12; NULL: not sealed */
	const char *seal_password_file; /* --seal-password-file FILE */
	const char *seal_password; /* PARCOURS_SEAL_PASSWORD; NULL if unset */
	const char *tsa_url;	   /* --tsa URL: RFC 3161 timestamps */
	const char *trust_file;	   /* verify --trust CA.pem */
	const char *map_file;	   /* import --map FILE; NULL if none */
	const char *organizer;	   /* --organizer EMAIL of invitations */
	const char *expect;	   /* verify --expect: the manifest's SHA-256
				      (64 lower-case hex digits), or NULL */
	/* Seconds on a monotonic clock, for progress rates only: main.c
	 * reads the clock, and no output depends on it. */
	double (*seconds)(void);
	char **inputs; /* dossier files or directories, or "-" */
	int ninputs;
};

/*
 * Each command returns nothing: it reports through diag.h, and main turns
 * the worst level into the exit status.
 */
void cmd_validate(const struct options *);
void cmd_status(const struct options *);
void cmd_recap(const struct options *);
void cmd_notice(const struct options *);
void cmd_report(const struct options *);
void cmd_letters(const struct options *);
void cmd_stats(const struct options *);
void cmd_all(const struct options *);
void cmd_verify(const struct options *);
void cmd_dashboard(const struct options *);
void cmd_import(const struct options *);

#endif
