/* store_import.c: writing a parsed session file into the database as a new session. */
#include "files.h"
#include "method.h"
#include "pitch.h"
#include "store_internal.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int insert_participants(struct store *st, int64_t session_id, const struct session *doc,
                               int64_t *ids)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "INSERT INTO participants (session_id, name, role, position)"
            " VALUES (:session, :name, :role, :number)");
    int rc = stmt ? 0 : -1;
    for (size_t i = 0; i < doc->participant_count && rc == 0; i++) {
        struct store_args a = {.session = session_id, .name = doc->participants[i].name,
                               .role = session_roles[doc->participants[i].role].id, .number = (int64_t)i};
        rc = store_step(st, stmt, &a, "cannot add a participant");
        ids[i] = sqlite3_last_insert_rowid(st->db);
    }
    sqlite3_finalize(stmt);
    return rc;
}

static int insert_inputs(struct store *st, const struct session *doc, const int64_t *ids)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "INSERT INTO inputs (participant_id, step, position, text, group_label)"
            " VALUES (:participant, :step, :number, :text, :label)");
    int rc = stmt ? 0 : -1;
    for (size_t i = 0; i < doc->input_count && rc == 0; i++) {
        const struct input *in = &doc->inputs[i];
        struct store_args a = {.participant = ids[in->participant], .step = session_steps[in->step].id,
                               .number = (int64_t)i, /* file order is answer order */
                               .text = in->text, .label = in->group};
        rc = store_step(st, stmt, &a, "cannot add an answer");
    }
    sqlite3_finalize(stmt);
    return rc;
}

/* The current round's rankings, then the closed rounds' (each with its round). */
static int insert_rankings(struct store *st, const struct vote *votes, size_t count,
                           const int64_t *ids, const char *sql)
{
    sqlite3_stmt *stmt = store_prepare(st, sql);
    int rc = stmt ? 0 : -1;
    for (size_t i = 0; i < count && rc == 0; i++) {
        const struct vote *v = &votes[i];
        for (size_t r = 0; r < v->ranking_count && rc == 0; r++) {
            struct store_args a = {.participant = ids[v->participant], .step = session_steps[v->step].id,
                                   .round = v->round, .number = (int64_t)r + 1,
                                   .label = v->ranking[r]};
            rc = store_step(st, stmt, &a, "cannot add a vote");
        }
    }
    sqlite3_finalize(stmt);
    return rc;
}

static int insert_votes(struct store *st, int64_t session_id, const struct session *doc,
                        const int64_t *ids)
{
    int rc = insert_rankings(st, doc->votes, doc->vote_count, ids,
                             "INSERT INTO votes (participant_id, step, rank, label)"
                             " VALUES (:participant, :step, :number, :label)");
    if (rc == 0)
        rc = insert_rankings(st, doc->rounds, doc->round_count, ids,
                             "INSERT INTO vote_rounds (participant_id, step, round, rank, label)"
                             " VALUES (:participant, :step, :round, :number, :label)");
    struct store_args a = {.session = session_id, .number = lround(doc->consensus * 100.0)};
    if (rc == 0 && doc->consensus > 0)
        rc = store_run(st, "INSERT INTO consensus (session_id, threshold)"
                           " VALUES (:session, :number / 100.0)", &a, false, "");
    return rc;
}

static int insert_decisions_and_narrative(struct store *st, int64_t session_id,
                                          const struct session *doc)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "INSERT INTO decisions (session_id, step, text, rationale)"
            " VALUES (:session, :step, :text, :label)");
    int rc = stmt ? 0 : -1;
    for (int step = 0; step < STEP_COUNT && rc == 0; step++) {
        struct store_args a = {.session = session_id, .step = session_steps[step].id,
                               .text = doc->decisions[step], .label = doc->rationale[step]};
        if (doc->decisions[step])
            rc = store_step(st, stmt, &a, "cannot add a decision");
    }
    sqlite3_finalize(stmt);
    struct store_args a = {.session = session_id, .text = doc->narrative ? doc->narrative : ""};
    return rc < 0 ? rc : store_run(st, "UPDATE sessions SET narrative = :text WHERE id = :session",
                                   &a, false, "");
}

static int insert_tags(struct store *st, int64_t session_id, const struct session *doc)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "INSERT INTO capability_tags (session_id, grp, tag) VALUES (:session, :label, :text)");
    int rc = stmt ? 0 : -1;
    for (size_t i = 0; i < doc->tag_count && rc == 0; i++) {
        struct store_args a = {.session = session_id, .label = doc->tags[i].group,
                               .text = doc->tags[i].tag};
        rc = store_step(st, stmt, &a, "cannot add a capability tag");
    }
    sqlite3_finalize(stmt);
    for (size_t i = 0; i < doc->item_tag_count && rc == 0; i++) {
        struct store_args a = {.session = session_id, .name = doc->item_tags[i].item,
                               .text = doc->item_tags[i].tag};
        rc = store_run(st, "INSERT INTO item_tags (session_id, item, tag)"
                           " VALUES (:session, :name, :text)", &a, false, "");
    }
    return rc;
}

/* The method's chain: links, proof, dissent, the champion and the style. */
static int insert_chain(struct store *st, int64_t session_id, const struct session *doc)
{
    int rc = 0;
    for (size_t i = 0; i < doc->link_count && rc == 0; i++) {
        struct store_args a = {.session = session_id, .step = session_steps[doc->links[i].step].id,
                               .name = doc->links[i].item, .label = doc->links[i].target};
        rc = store_run(st, "INSERT INTO decision_links (session_id, step, item, target)"
                           " VALUES (:session, :step, :name, :label)", &a, false, "");
    }
    for (size_t i = 0; i < doc->proof_count && rc == 0; i++) {
        struct store_args a = {.session = session_id, .name = doc->proofs[i].item,
                               .label = method_proof_kinds[doc->proofs[i].kind],
                               .text = doc->proofs[i].text};
        rc = store_run(st, "INSERT INTO proofs (session_id, item, kind, text)"
                           " VALUES (:session, :name, :label, :text)", &a, false, "");
    }
    for (size_t i = 0; i < doc->dissent_count && rc == 0; i++) {
        struct store_args a = {.session = session_id,
                               .step = session_steps[doc->dissents[i].step].id,
                               .name = doc->dissents[i].who, .text = doc->dissents[i].what};
        rc = store_run(st, "INSERT INTO dissents (session_id, step, who, what)"
                           " VALUES (:session, :step, :name, :text)", &a, false, "");
    }
    if (rc == 0 && (doc->champion_role || doc->style != STYLE_NONE)) {
        sqlite3_stmt *stmt = store_prepare(st, "INSERT INTO positioning (session_id,"
                                               " champion_role, champion_why, style, style_why)"
                                               " VALUES (?, ?, ?, ?, ?)");
        if (!stmt)
            return -1;
        sqlite3_bind_int64(stmt, 1, session_id);
        sqlite3_bind_text(stmt, 2, doc->champion_role, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 3, doc->champion_why, -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 4, method_style_ids[doc->style], -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 5, doc->style_why, -1, SQLITE_STATIC);
        rc = sqlite3_step(stmt) == SQLITE_DONE ? 0 : store_sql_fail(st, "cannot add the positioning");
        sqlite3_finalize(stmt);
    }
    return rc;
}

/* The pitch's written sections, and the objections each participant hears
 * (not revealed: a reveal is the room's to make, and no file says it). */
static int insert_pitch(struct store *st, int64_t session_id, const struct session *doc,
                        const int64_t *ids)
{
    int rc = 0;
    for (size_t i = 0; i < doc->objection_count && rc == 0; i++) {
        struct store_args a = {.participant = ids[doc->objections[i].participant],
                               .number = (int64_t)i, .text = doc->objections[i].text};
        rc = store_run(st, "INSERT INTO objections (participant_id, position, text)"
                           " VALUES (:participant, :number, :text)", &a, false, "");
    }
    for (int i = 0; i < PITCH_SECTION_COUNT && rc == 0; i++) {
        char digest[SHA256_HEX_LEN + 1];
        struct store_args a = {.session = session_id, .label = pitch_section_ids[i],
                               .text = doc->pitch[i], .digest = digest};
        if (!doc->pitch[i])
            continue;
        /* the file keeps no digest: what it was written from is what it carries now */
        pitch_draft_digest(doc, (enum pitch_section)i, digest);
        rc = store_run(st, "INSERT INTO pitch (session_id, section, text, draft_digest)"
                           " VALUES (:session, :label, :text, :digest)", &a, false, "");
    }
    return rc;
}

/* A file that carries a lock digest must still hold what was locked: the
 * digest of what was imported is compared with the one the file claims. */
static int check_digest(struct store *st, int64_t session_id, const char *claimed)
{
    char digest[STORE_DIGEST_SIZE];
    if (store_content_digest(st, session_id, digest) < 0)
        return -1;
    if (strcmp(digest, claimed) != 0)
        return store_fail(st, "lock_digest: the file was changed after it was locked (its content "
                              "no longer matches its lock digest)");
    return 0;
}

int store_import_session(struct store *st, const struct session *doc, const char *slug,
                         char **slug_out)
{
    *slug_out = NULL;
    if (store_begin(st) < 0)
        return -1;
    int64_t session_id;
    int64_t *ids = xcalloc(doc->participant_count, sizeof *ids);
    int rc = store_insert_session(st, doc->name, doc->product, doc->solo, slug, slug_out,
                                  &session_id);
    if (rc == 0)
        rc = insert_participants(st, session_id, doc, ids);
    if (rc == 0)
        rc = insert_inputs(st, doc, ids);
    if (rc == 0)
        rc = insert_votes(st, session_id, doc, ids);
    if (rc == 0)
        rc = insert_decisions_and_narrative(st, session_id, doc);
    if (rc == 0)
        rc = insert_tags(st, session_id, doc);
    if (rc == 0)
        rc = insert_chain(st, session_id, doc);
    if (rc == 0)
        rc = insert_pitch(st, session_id, doc, ids);
    if (rc == 0)
        rc = store_log_event(st, session_id, 0, "import", doc->name);
    if (rc == 0 && doc->locked)
        rc = store_lock_in_transaction(st, session_id);
    if (rc == 0 && doc->lock_digest)
        rc = check_digest(st, session_id, doc->lock_digest);
    free(ids);
    if (rc == 0)
        rc = store_commit(st);
    else
        store_rollback(st);
    if (rc < 0) {
        free(*slug_out);
        *slug_out = NULL;
    }
    return rc;
}

int store_import_file(struct store *st, const char *path, const char *slug, char **slug_out)
{
    *slug_out = NULL;
    const char *shown = strcmp(path, "-") == 0 ? "standard input" : path;
    size_t len;
    char *json = file_read(path, &len);
    if (!json)
        return store_fail(st, "cannot read %s: %s", shown, strerror(errno));
    struct session doc;
    char err[512];
    int rc = store_parse_session_file(json, len, &doc, err, sizeof err);
    if (rc < 0) {
        store_fail(st, "%s: %s", shown, err);
    } else {
        rc = store_import_session(st, &doc, slug, slug_out);
        if (rc < 0) {
            char why[sizeof st->err];
            snprintf(why, sizeof why, "%s", st->err);
            store_fail(st, "%s: %s", shown, why);
        }
        session_free(&doc);
    }
    free(json);
    return rc;
}
