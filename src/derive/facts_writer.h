/*
 * facts_writer.h - how the facts are written (private to src/derive).
 *
 * facts_write() walks the facts once, in the order of forms/facts.xsd, and
 * tells a writer what to write; the writer says how: facts_xml.c builds
 * libxml2 nodes, facts_json.c writes JSON text. So the XML and the JSON
 * cannot disagree.
 *
 * A writer keeps the first failure in `status` and ignores every call after
 * it, so the walk checks once at the end.
 */
#ifndef ZB_FACTS_WRITER_H
#define ZB_FACTS_WRITER_H

#include "facts.h"
#include "facts_xml.h"

typedef struct facts_writer facts_writer;

struct facts_writer {
    /* Start the element NAME (inside a list: one of its items). */
    void (*begin)(facts_writer *w, const char *name);
    /* An attribute of the element just begun, before any child; INTEGER
       when VALUE is a whole number (JSON writes it as a number). */
    void (*attr)(facts_writer *w, const char *name, const char *value,
                 int integer);
    /* End the innermost element. */
    void (*end)(facts_writer *w);
    /* Start and end a run of elements of one name (a JSON array), which
       may be empty. */
    void (*begin_list)(facts_writer *w, const char *name);
    void (*end_list)(facts_writer *w);
    zb_status status;
};

/* Write FACTS through W; returns W's status. */
zb_status facts_write(const zb_facts *facts, facts_writer *w);

/* Write the facts element with, of the large parts, only those in PARTS
   (facts_part, or-ed); returns W's status. */
zb_status facts_write_with(const zb_facts *facts, unsigned parts,
                           facts_writer *w);

/* Write only the large parts PARTS, each an element of its own, in the
   order of forms/facts.xsd, of the parts that are one entry per copy of
   their form (the log: per software, 附件9; the confirmations, 附件11)
   only the copies FIRST to END-1 (END past the last: every copy); returns
   W's status. */
zb_status facts_write_copies(const zb_facts *facts, unsigned parts,
                             size_t first, size_t end, facts_writer *w);

/* The log part of FACTS (附件9's facts) with only the software COPY and
   of its rows only FROM to TO-1 (0-based; TO past the last: to the end):
   a copy too large for one piece laid out a range of its rows at a
   time. */
zb_status facts_write_log_rows(const zb_facts *facts, size_t copy,
                               size_t from, size_t to, facts_writer *w);

/* Write only the audit of FACTS, as the root of a document of its own;
   returns W's status. */
zb_status facts_write_audit(const zb_facts *facts, facts_writer *w);

/* One of the two walks above. */
typedef zb_status facts_walk(const zb_facts *facts, facts_writer *w);

#endif
