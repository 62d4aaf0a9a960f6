/* store.h: the samesong database: open, migrate, read and write sessions.
 * The store*.c files are the only ones that speak SQL. Every function that can
 * fail returns 0 or -1; on -1, store_error() says what went wrong in one line. */
#ifndef SAMESONG_STORE_H
#define SAMESONG_STORE_H

#include "session.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;

/* The schema version this program writes; a newer file is refused untouched. */
#define STORE_SCHEMA_VERSION 15
/* PRAGMA application_id: "SsNg", so `file` and other tools can tell our files. */
#define STORE_APPLICATION_ID 0x53734e67

/* How to open: STORE_READ_ONLY writes nothing; STORE_MUST_EXIST creates
 * nothing (for commands that only read). 0 opens for writing, creating. */
enum { STORE_READ_ONLY = 1, STORE_MUST_EXIST = 2 };

/* Opens the database at path, migrating its schema forward. Creates it when
 * it is missing or an empty file, unless flags say read-only or must exist.
 * Opens read-only when asked or the file is not writable. Refuses a path that
 * is not a regular file (a FIFO would block). On failure returns -1 with the
 * reason in err. */
int store_open(const char *path, unsigned flags, struct store **out, char *err, size_t errlen);
void store_close(struct store *st);

/* Why a database could not be used, when it is one of these; each gives the
 * program its own exit status (store_damage.c). */
enum store_trouble {
    STORE_FINE,
    STORE_NOT_OURS, /* not SQLite, another program's, no regular file, a schema none writes */
    STORE_DAMAGED,  /* cut off, or SQLite found it malformed */
    STORE_NEWER,    /* written by a newer samesong */
};
/* The first such trouble any store met in this process. */
enum store_trouble store_trouble(void);

const char *store_error(const struct store *st);
const char *store_path(const struct store *st);
bool store_is_read_only(const struct store *st);
/* True when the store chose read-only itself because the file is not writable. */
bool store_read_only_by_itself(const struct store *st);

/* One line of the sessions list. */
struct session_summary {
    int64_t id;
    char *slug, *name, *product;
    bool solo, locked;
    int participants;
    char *created_at, *changed_at, *locked_at; /* locked_at may be NULL */
};

/* Every session, newest first. The caller frees with store_summaries_free. */
int store_list_sessions(struct store *st, struct session_summary **out, size_t *count);
void store_summaries_free(struct session_summary *list, size_t count);

/* The same list as a JSON array of objects (caller frees). */
int store_list_json(struct store *st, char **json_out);

/* Finds a session by its slug or its number. */
int store_find_session(struct store *st, const char *ref, int64_t *id);
/* 1 when session id is in the database, 0 when it is not (another process
 * deleted it), -1 when that cannot be read. */
int store_session_exists(struct store *st, int64_t id);

/* Creates an open session. slug may be NULL to derive it from name. On
 * success *slug_out (caller frees) holds the slug. */
int store_create_session(struct store *st, const char *name, const char *product, bool solo,
                         const char *slug, char **slug_out);

/* Records one answer. The participant is created on first use with role
 * (ROLE_OTHER when role is -1); naming them with another role is an error. */
int store_add_input(struct store *st, int64_t session_id, const char *participant, int role,
                    enum step step, const char *text, const char *group);

/* Records several answers of one participant for a step, in order, in one
 * transaction: all of them or, when one is refused, none. */
int store_add_inputs(struct store *st, int64_t session_id, const char *participant, enum step step,
                     char *const *texts, size_t count);

/* Pre-work collected outside samesong, such as a form's CSV (store_add_prework):
 * who answered, with their role (-1: as they are, other when new), and where
 * each came from, which starts its error messages ("prework.csv: row 4"). */
struct store_prework_person {
    const char *name;
    int role;
    const char *row_at;  /* the row, for a role that differs from theirs */
    const char *name_at; /* the row and the name's column, for a name refused */
};
struct store_prework_answer {
    size_t person; /* index into the people */
    enum step step;
    const char *text;
    const char *at; /* the row and the answer's column */
};
struct store_prework_counts {
    size_t added, already; /* answers added, and skipped as the same as one they gave */
    size_t people, joined; /* participants in the file, and those of them new to the session */
};

/* Adds every person (by name, as store_add_input does) and each of their
 * answers the person has not already given for that step, all in one
 * transaction: each text is checked as add checks it, and when one is
 * refused nothing is written. */
int store_add_prework(struct store *st, int64_t session_id,
                      const struct store_prework_person *people, size_t people_count,
                      const struct store_prework_answer *answers, size_t answer_count,
                      struct store_prework_counts *counts);

/* Gives the answers with these ids the group label (NULL takes them out of
 * their group), all in one transaction. */
int store_set_group(struct store *st, int64_t session_id, const int64_t *input_ids, size_t count,
                    const char *label);

/* The same as a grouping change the room can undo, described by what (NULL
 * says it plainly). The step's rankings follow: a group that went away (all
 * its answers relabelled) is ranked as the group it went into; where a
 * ranking then names one group twice it keeps the better rank and the later
 * ranks close up; a group taken apart leaves the rankings. */
int store_regroup(struct store *st, int64_t session_id, const int64_t *input_ids, size_t count,
                  const char *label, const char *what);
/* The step's last grouping change, if it can still be undone (nobody voted on
 * the step since): *what (caller frees) describes it, NULL when there is none. */
int store_undo_pending(struct store *st, int64_t session_id, enum step step, char **what);
/* Puts the step's group labels and rankings back as they were before it. */
int store_undo_grouping(struct store *st, int64_t session_id, enum step step);

/* Participants: add one (a name not yet in the session), change one's name
 * and role, or remove one who has given no answer. */
int store_add_participant(struct store *st, int64_t session_id, const char *name, enum role role);
int store_update_participant(struct store *st, int64_t session_id, int64_t participant_id,
                             const char *name, enum role role);
int store_remove_participant(struct store *st, int64_t session_id, int64_t participant_id);
/* Removes a participant with every answer and vote they gave, in one
 * transaction: all of it or, on failure, none. */
int store_remove_participant_and_answers(struct store *st, int64_t session_id,
                                         int64_t participant_id);

/* Answers: change one's text, delete it, or move it up (-1) or down (+1)
 * among its participant's answers for the step. */
int store_update_input(struct store *st, int64_t session_id, int64_t input_id, const char *text);
int store_delete_input(struct store *st, int64_t session_id, int64_t input_id);
int store_move_input(struct store *st, int64_t session_id, int64_t input_id, int direction);

/* Replaces a participant's ranking of a step's groups (most important first;
 * count 0 withdraws the vote), in one transaction. */
int store_set_vote(struct store *st, int64_t session_id, int64_t participant_id, enum step step,
                   char *const *labels, size_t count);

/* Closes the current round of step's vote and starts the next, in one
 * transaction: the rankings are kept as round *closed (from 1) and everyone
 * ranks again from nothing. Refused when nobody has ranked this round. */
int store_new_round(struct store *st, int64_t session_id, enum step step, int *closed);

/* The Kendall's W from which the room's vote reads as consensus: above 0, at
 * most 1, kept to two decimals (the default is align_consensus_threshold's). */
int store_set_consensus(struct store *st, int64_t session_id, double threshold);

/* The sales narrative (may span lines; may be empty). */
int store_set_narrative(struct store *st, int64_t session_id, const char *text);

/* Where the facilitator was: a screen name, a step (or -1) and a participant
 * (or 0). Loading gives screen NULL when nothing was saved. */
struct store_position {
    char *screen;
    int step;
    int64_t participant_id;
};
int store_save_position(struct store *st, int64_t session_id, const struct store_position *pos);
int store_load_position(struct store *st, int64_t session_id, struct store_position *pos);

/* How the misalignment views name people: by name, by role ("Sales 1"), or
 * not at all. A display setting: it may change even on a locked session. */
enum attribution { ATTRIBUTE_NAMES, ATTRIBUTE_ROLES, ATTRIBUTE_ANONYMOUS };
extern const char *const attribution_ids[3];
int store_get_attribution(struct store *st, int64_t session_id, enum attribution *out);
int store_set_attribution(struct store *st, int64_t session_id, enum attribution a);

/* The product person's reality check of a capability group: tag is
 * "today", "roadmap" or "not planned", or NULL to clear it. */
int store_set_capability_tag(struct store *st, int64_t session_id, const char *group,
                             const char *tag);

/* Merge suggestions the room dismissed, by the two groups' keys. */
int store_dismiss_suggestion(struct store *st, int64_t session_id, enum step step,
                             const char *key_a, const char *key_b);
/* The dismissed pairs of a step as "key_a\nkey_b" strings (caller frees). */
int store_load_dismissed(struct store *st, int64_t session_id, enum step step, char ***pairs,
                         size_t *count);

/* One hit of a full-text search. In snippet, the matched words are between
 * STORE_MATCH_START and STORE_MATCH_END (private-use characters, which no
 * user text needs), for the caller to show as it likes. */
#define STORE_MATCH_START "\xEE\x80\x80" /* U+E000 */
#define STORE_MATCH_END "\xEE\x80\x81"   /* U+E001 */
struct search_hit {
    int64_t session_id;
    char *slug, *session_name;
    /* "answer", "decision", "narrative", or of the method (schema 15):
     * "rationale" (a decision's why), "dissent" ("who: what"), "proof",
     * "champion" ("role: why"), "style" ("name: why"), "pitch" (a section as
     * written) or "objection" (what a person hears from buyers) */
    char *kind;
    int step;               /* the step it belongs to; -1 for a narrative, pitch or objection */
    int section;            /* a pitch's section (enum pitch_section); -1 for the rest */
    char *participant;      /* whose answer or objection; NULL for the room's texts */
    char *snippet;
    int64_t row;            /* its row in the index, one per text */
};
/* Every text of every session matching all the words of query (the last
 * may be the start of a word): the room's texts first (decisions, their why,
 * champion, style, pitch, narrative; the newest session's first), then
 * proofs and dissents, objections, and the newest answers, at most limit.
 * (Ranking every match by relevance took 100 ms for a common word in 10,000
 * sessions; this order stops at limit.) In room mode an answer of a step not
 * revealed, and an objection before the objections are, is not found (a
 * locked session has no secrets). A word that is a word of a participant's
 * name, in any case, finds what that person said, first: "Lena" is Lena's
 * answers and objections, "Lena gorgias" hers holding gorgias. Line breaks
 * in a snippet are spaces. */
int store_search(struct store *st, const char *query, int limit, struct search_hit **hits,
                 size_t *count);
void store_search_free(struct search_hit *hits, size_t count);

/* SQLite's data_version: it changes when another connection commits. */
int store_data_version(struct store *st, int64_t *version);

/* Sets (or replaces) the room's agreed text for a step. */
int store_set_decision(struct store *st, int64_t session_id, enum step step, const char *text);

/* Locks a session for good; every step must be decided. */
int store_lock_session(struct store *st, int64_t session_id);

/* A lock digest: "sha256:" and 64 hex digits of the session's content (its
 * export without the digest), stored once when the session locks. */
#define STORE_DIGEST_SIZE 72
/* The digest of the session's content as it is now. */
int store_content_digest(struct store *st, int64_t session_id, char digest[STORE_DIGEST_SIZE]);
/* The digest stored when the session locked (caller frees), NULL if none;
 * *at_upgrade when it was sealed as found when the file was upgraded to
 * schema 5 (locked by an older samesong), not when it was locked. */
int store_lock_digest(struct store *st, int64_t session_id, char **digest, bool *at_upgrade);
/* *difference (caller frees) names the first table, index, trigger or view
 * that was dropped, changed or added ("trigger zz was added"), NULL when the
 * schema is exactly as this program makes it. */
int store_check_schema(struct store *st, char **difference);
/* *stale is the number of rows of the session's search index that do not
 * match its texts, every kind that search finds (0 when the index is true). */
int store_check_search_index(struct store *st, int64_t session_id, int *stale);

/* Reads a whole session into out (caller frees with session_free). */
int store_load_session(struct store *st, int64_t id, struct session *out);

/* Writes a parsed session file as a new session, in one transaction. slug may
 * be NULL to derive it from the name; *slug_out (caller frees) gets the slug. */
int store_import_session(struct store *st, const struct session *doc, const char *slug,
                         char **slug_out);

/* Reads, checks and imports a session file ("-" for standard input); the
 * error names the file: "demo.json: inputs[3].step: ...". */
int store_import_file(struct store *st, const char *path, const char *slug, char **slug_out);

/* The session as a samesong-session/1 JSON document (caller frees). */
int store_export_json(struct store *st, int64_t id, char **json_out);
/* The same document without the lock digest: what the digest covers. */
int store_session_content(struct store *st, int64_t id, char **json_out);

/* Parses a samesong-session/1 document with SQLite's JSON functions, checking
 * every field. On failure returns -1 with "field: reason" in err, for example
 * `inputs[3].step: "alternative" is not a step; ...`. */
int store_parse_session_file(const char *json, size_t len, struct session *out, char *err,
                             size_t errlen);

/* The facilitator's texts for one step, from data/steps.json. */
struct step_text {
    char *title;
    char *question;
    char **guidance;
    size_t guidance_count;
};

/* Reads the steps file (caller frees with store_steps_free). */
int store_load_steps(const char *path, struct step_text out[STEP_COUNT], char *err, size_t errlen);
void store_steps_free(struct step_text steps[STEP_COUNT]);

/* The terms of data/synonyms.json as written, each with the number of its
 * set (caller frees both arrays and the terms). */
int store_load_synonym_terms(const char *path, char ***terms, size_t **sets, size_t *count,
                             char *err, size_t errlen);

#endif
