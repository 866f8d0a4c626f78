/*
 * cli.h - the subcommands of `zhengban`.
 *
 * Each command lives in its own cmd_<name>.c, parses its own options with
 * getopt_long and returns the process exit status:
 *   0  success (a valid ledger; warnings allowed)
 *   1  the input breaks the ledger rules or is not well-formed XML
 *   2  usage or I/O problem (bad option, missing file, a directory, ...)
 *   3  `audit` found compliance problems
 * A new command is a new file plus one line in the table in main.c.
 */
#ifndef ZB_CLI_H
#define ZB_CLI_H

#include <stdio.h>

#include "../core/buf.h"
#include "../core/diag.h"
#include "../core/status.h"
#include "../derive/facts.h"
#include "../pipeline/front.h"

enum { EXIT_VALID = 0, EXIT_INVALID = 1, EXIT_USAGE = 2, EXIT_FINDINGS = 3 };

typedef struct zb_command {
    const char *name;
    const char *summary; /* one line, Chinese */
    int (*run)(int argc, char **argv);
} zb_command;

/* The commands: cmd_<name>(argc, argv) runs `zhengban <name>`, argv[0]
   being the command name; returns the exit status. */
int cmd_audit(int argc, char **argv);
int cmd_aggregate(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_bundle(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_stats(int argc, char **argv);

/* Print the diagnostics of the ledger PATH to OUT as `check` does: errors,
   then warnings, each sorted by position, a note quoting the article after
   the first breach of each rule, then the summary line. Sorts DIAGS. */
void cli_report(zb_diags *diags, const char *path, FILE *out);

/* Open the ledger schema of the data directory into *OUT (release it with
   schema_close()); on failure say why on stderr. */
zb_status cli_open_schema(zb_schema **out);

/* Run the front of the pipeline on the ledger PATH and print its
   diagnostics to ERR with cli_report(): always when ALWAYS (check), else
   only if there are any (stats, build: a clean ledger prints nothing).
   Release *OUT with front_free() whatever the result. */
zb_status cli_load_ledger(const zb_schema *schema, const char *path,
                          zb_front *out, FILE *err, int always);

/* Say on stderr "zhengban COMMAND: WHY", a blank line and the command's
   USAGE; returns EXIT_USAGE. */
int cli_bad_usage(const char *command, void (*usage)(FILE *out),
                  const char *why);

/* The exit status that reports STATUS (ZB_OK -> 0, invalid input -> 1,
   everything else -> 2). */
int cli_exit_code(zb_status status);

/* The output formats of the commands that print derived facts. */
typedef enum cli_format {
    CLI_FORMAT_TEXT,
    CLI_FORMAT_XML,
    CLI_FORMAT_JSON
} cli_format;

/* A command that prints what is derived from one ledger (stats, audit):
   `zhengban NAME [--format text|xml|json] LEDGER`. */
typedef struct cli_facts_command {
    const char *name;
    void (*usage)(FILE *out);
    /* Append FACTS, derived from the ledger PATH, in FMT to OUT; ZB_OK or
       ZB_ERR_NOMEM. */
    zb_status (*render)(const zb_facts *facts, const char *path, cli_format fmt,
                        zb_buf *out);
    /* The exit status once FACTS are printed; NULL: 0. */
    int (*exit_status)(const zb_facts *facts);
} cli_facts_command;

/* Run CMD on its command line: parse the options, load and check the
   ledger (its diagnostics on stderr, as `check` gives them), derive its
   facts and print them on stdout. Returns the exit status. */
int cli_run_facts(const cli_facts_command *cmd, int argc, char **argv);

#endif
