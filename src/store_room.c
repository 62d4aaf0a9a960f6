/* store_room.c: join codes (kept as salted hashes, wrong ones counted), what
 * the facilitator revealed, who is writing or done, and the room as the
 * projector reads it. Who is at a terminal now is store_presence.c; the
 * walk-in code and the newcomers it adds, store_walk_in.c. */
#include "store_internal.h"
#include "store_room.h"
#include "sha256.h"
#include "util.h"

#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* No 0/O, 1/I/L, 2/Z, 5/S, 8/B: read aloud or off a slide, nothing is misread. */
static const char CODE_LETTERS[] = "ACDEFGHJKMNPQRTUVWXY34679";
#define CODE_CHARS 6
#define FAILURES_BEFORE_WAIT 5 /* a room's typos pass; guessing does not */
#define FAILURE_WINDOW "10 minutes"

static int random_bytes(struct store *st, unsigned char *out, size_t n)
{
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    ssize_t got = fd < 0 ? -1 : read(fd, out, n);
    if (fd >= 0)
        close(fd);
    return got == (ssize_t)n ? 0 : store_fail(st, "cannot read /dev/urandom for a join code");
}

/* A code as typed, the way it is hashed: its letters and digits, upper case.
 * Anything but six of them can match no code, and comes back empty. */
static void normalize_code(const char *typed, char out[CODE_CHARS + 1])
{
    size_t n = 0;
    for (const char *c = typed; *c; c++) {
        if (!isalnum((unsigned char)*c))
            continue;
        if (n == CODE_CHARS) {
            n = 0;
            break;
        }
        out[n++] = (char)toupper((unsigned char)*c);
    }
    out[n] = '\0';
}

/* "sha256:" and the hex SHA-256 of salt ":" code. */
static char *code_hash(const char *salt, const char *code)
{
    char *both = xasprintf("%s:%s", salt, code), hex[SHA256_HEX_LEN + 1];
    sha256_hex(both, strlen(both), hex);
    free(both);
    return xasprintf("sha256:%s", hex);
}

int store_code_make(struct store *st, char code[ROOM_CODE_LEN + 1], char salt[17], char **hash)
{
    unsigned char bytes[CODE_CHARS + 8];
    *hash = NULL;
    if (random_bytes(st, bytes, sizeof bytes) < 0)
        return -1;
    char plain[CODE_CHARS + 1];
    for (int i = 0; i < CODE_CHARS; i++) /* 25 of 256: the bias is far below guessing */
        plain[i] = CODE_LETTERS[bytes[i] % (sizeof CODE_LETTERS - 1)];
    plain[CODE_CHARS] = '\0';
    for (int i = 0; i < 8; i++)
        snprintf(salt + 2 * i, 3, "%02x", bytes[CODE_CHARS + i]);
    snprintf(code, ROOM_CODE_LEN + 1, "%.3s-%.3s", plain, plain + 3);
    *hash = code_hash(salt, plain);
    return 0;
}

int store_code_give(struct store *st, int64_t participant_id, char code[ROOM_CODE_LEN + 1])
{
    char salt[17], *hash;
    if (store_code_make(st, code, salt, &hash) < 0)
        return -1;
    struct store_args a = {.participant = participant_id, .text = hash, .label = salt};
    int rc = store_run(st,
                       "INSERT OR REPLACE INTO invites (participant_id, code_hash, salt)"
                       " VALUES (:participant, :text, :label)",
                       &a, true, "");
    free(hash);
    return rc;
}

int store_invite(struct store *st, int64_t session_id, char *const *names, size_t count,
                 struct room_code **codes, size_t *code_count)
{
    *codes = NULL;
    *code_count = 0;
    if (store_begin_change(st, session_id) < 0)
        return -1;
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT id, name FROM participants WHERE session_id = ?1"
            " AND (?2 IS NULL OR name = ?2 COLLATE SAMESONG_NOCASE) ORDER BY position, id");
    int rc = stmt ? 0 : -1;
    size_t cap = 0;
    for (size_t i = 0; rc == 0 && i < (count ? count : 1); i++) {
        sqlite3_reset(stmt);
        sqlite3_bind_int64(stmt, 1, session_id);
        sqlite3_bind_text(stmt, 2, count ? names[i] : NULL, -1, SQLITE_STATIC);
        size_t before = *code_count;
        while (rc == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
            struct room_code *c = array_push(codes, code_count, &cap, sizeof *c);
            c->name = store_column_text(stmt, 1);
            rc = store_code_give(st, sqlite3_column_int64(stmt, 0), c->code);
        }
        if (rc == 0 && *code_count == before)
            rc = count ? store_fail(st, "%s is not a participant of this session", names[i])
                       : store_fail(st, "the session has no participants yet; add them first");
    }
    sqlite3_finalize(stmt);
    char detail[32];
    snprintf(detail, sizeof detail, "%zu code%s", *code_count, *code_count == 1 ? "" : "s");
    if (store_end_change(st, rc, session_id, 0, "invite", detail) < 0) {
        store_room_codes_free(*codes, *code_count);
        *codes = NULL;
        *code_count = 0;
        return -1;
    }
    return 0;
}

void store_room_codes_free(struct room_code *codes, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(codes[i].name);
    free(codes);
}

int store_revoke_invite(struct store *st, int64_t session_id, const char *name)
{
    struct store_args a = {.session = session_id, .name = name};
    return store_change(st,
                        "UPDATE invites SET revoked_at = " STORE_NOW
                        " WHERE revoked_at IS NULL AND participant_id = (SELECT id FROM"
                        " participants WHERE session_id = :session AND name = :name COLLATE SAMESONG_NOCASE)",
                        &a, true, "that participant has no code to revoke", "revoke", name);
}

/* Seconds until the session takes a code again after wrong ones, or 0. */
static int wait_after_failures(struct store *st, int64_t session_id, int *seconds)
{
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT count(*), (julianday('now') - max(at)) * 86400 FROM join_failures"
            " WHERE session_id = ?1 AND at > julianday('now', '-" FAILURE_WINDOW "')");
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, session_id);
    *seconds = 0;
    if (sqlite3_step(stmt) == SQLITE_ROW) {
        int failures = sqlite3_column_int(stmt, 0);
        double since = sqlite3_column_double(stmt, 1);
        if (failures >= FAILURES_BEFORE_WAIT) {
            int shift = failures - FAILURES_BEFORE_WAIT;
            int wait = shift >= 5 ? 60 : 2 << shift; /* 2, 4, 8, 16, 32, then 60 s */
            if (since < wait)
                *seconds = (int)(wait - since) + 1;
        }
    }
    sqlite3_finalize(stmt);
    return 0;
}

/* Whether a row of stmt (an id, a salt, a hash) is the code's; *id gets its id. */
static bool matching_row(sqlite3_stmt *stmt, const char *code, int64_t *id)
{
    bool found = false;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        char *hash = code_hash((const char *)sqlite3_column_text(stmt, 1), code);
        if (!strcmp(hash, (const char *)sqlite3_column_text(stmt, 2))) {
            *id = sqlite3_column_int64(stmt, 0);
            found = true;
        }
        free(hash);
    }
    sqlite3_finalize(stmt);
    return found;
}

/* Whose live code hashes to code: a participant's, or (owner 0) the walk-in code. */
static int code_owner(struct store *st, int64_t session_id, const char *code, int64_t *owner,
                      bool *found)
{
    sqlite3_stmt *personal = store_prepare(
        st, "SELECT i.participant_id, i.salt, i.code_hash FROM invites i"
            " JOIN participants p ON p.id = i.participant_id"
            " WHERE p.session_id = ?1 AND i.revoked_at IS NULL");
    sqlite3_stmt *walk_in = store_prepare(
        st, "SELECT 0, salt, code_hash FROM walk_ins WHERE session_id = ?1 AND revoked_at IS NULL");
    if (!personal || !walk_in) {
        sqlite3_finalize(personal);
        sqlite3_finalize(walk_in);
        return -1;
    }
    sqlite3_bind_int64(personal, 1, session_id);
    sqlite3_bind_int64(walk_in, 1, session_id);
    *owner = 0;
    *found = matching_row(walk_in, code, owner);
    *found = matching_row(personal, code, owner) || *found; /* a person's own code wins */
    return 0;
}

int store_code_check(struct store *st, int64_t session_id, const char *typed, int64_t *owner)
{
    *owner = 0;
    char code[CODE_CHARS + 1];
    normalize_code(typed, code);
    if (store_begin_change(st, session_id) < 0)
        return -1;
    int wait = 0;
    bool found = false;
    if (wait_after_failures(st, session_id, &wait) < 0 ||
        (wait == 0 && strlen(code) == CODE_CHARS &&
         code_owner(st, session_id, code, owner, &found) < 0)) {
        store_rollback(st);
        return -1;
    }
    if (wait > 0) {
        store_rollback(st);
        return store_fail(st, "too many wrong codes for this session; wait %d s and try again",
                          wait);
    }
    if (!found) {
        /* counted, and kept: a guess costs the next guesser time too */
        struct store_args a = {.session = session_id};
        if (store_run(st, "INSERT INTO join_failures (session_id) VALUES (:session)", &a, false,
                      "") == 0)
            store_commit(st);
        else
            store_rollback(st);
        return store_fail(st, "that join code is not valid for this session (a revoked or "
                              "mistyped code); ask the facilitator for yours");
    }
    return 0;
}

int store_join(struct store *st, int64_t session_id, const char *typed, int64_t *participant_id)
{
    *participant_id = 0;
    int64_t owner;
    if (store_code_check(st, session_id, typed, &owner) < 0)
        return -1;
    if (!owner) { /* the walk-in code: no one yet, and nothing is written until they say who */
        store_rollback(st);
        return 0;
    }
    struct store_args a = {.participant = owner};
    int rc = store_run(st,
                       "UPDATE invites SET joined_at = coalesce(joined_at, " STORE_NOW ")"
                       " WHERE participant_id = :participant",
                       &a, true, "");
    if (store_end_change(st, rc, session_id, owner, "join", "") < 0)
        return -1;
    *participant_id = owner;
    return 0;
}

int store_room_reveal(struct store *st, int64_t session_id, enum step step)
{
    struct store_args a = {.session = session_id, .step = session_steps[step].id};
    return store_set_setting(st,
                             "INSERT OR IGNORE INTO revealed (session_id, step)"
                             " VALUES (:session, :step)",
                             &a);
}

int store_room_set_writing(struct store *st, int64_t participant_id, enum step step, bool writing)
{
    struct store_args a = {.participant = participant_id, .step = session_steps[step].id,
                           .number = writing};
    return store_set_setting(st,
                             "INSERT INTO readiness (participant_id, step, writing)"
                             " VALUES (:participant, :step, :number)"
                             " ON CONFLICT DO UPDATE SET writing = excluded.writing",
                             &a);
}

int store_room_clear_writing(struct store *st, int64_t participant_id)
{
    struct store_args a = {.participant = participant_id};
    return store_set_setting(st,
                             "UPDATE readiness SET writing = 0"
                             " WHERE participant_id = :participant AND writing",
                             &a);
}

int store_room_set_done(struct store *st, int64_t participant_id, enum step step, bool done)
{
    struct store_args a = {.participant = participant_id, .step = session_steps[step].id,
                           .number = done};
    return store_set_setting(st,
                             "INSERT INTO readiness (participant_id, step, done_at)"
                             " VALUES (:participant, :step,"
                             "  CASE WHEN :number THEN " STORE_NOW " END)"
                             " ON CONFLICT DO UPDATE SET done_at = excluded.done_at",
                             &a);
}

int store_room_set_deadline(struct store *st, int64_t session_id, const char *date)
{
    struct store_args a = {.session = session_id, .text = date};
    if (date && (strlen(date) != 10 || date[4] != '-' || date[7] != '-'))
        return store_fail(st, "a deadline is a date: YYYY-MM-DD, not %s", date);
    return store_change(st,
                        "INSERT INTO room (session_id, deadline) VALUES (:session, :text)"
                        " ON CONFLICT DO UPDATE SET deadline = excluded.deadline",
                        &a, true, "", "deadline", date ? date : "none");
}

int store_load_room(struct store *st, const struct session *s, struct room *out)
{
    memset(out, 0, sizeof *out);
    out->seats = xcalloc(s->participant_count + 1, sizeof *out->seats);
    out->seat_count = s->participant_count;
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT p.id, i.participant_id IS NOT NULL, i.revoked_at IS NOT NULL,"
            " i.joined_at IS NOT NULL FROM participants p"
            " LEFT JOIN invites i ON i.participant_id = p.id WHERE p.id = ?1");
    sqlite3_stmt *ready = store_prepare(
        st, "SELECT step, writing, done_at IS NOT NULL FROM readiness WHERE participant_id = ?1");
    int rc = stmt && ready ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < s->participant_count; i++) {
        struct room_seat *seat = &out->seats[i];
        seat->participant_id = s->participants[i].id;
        sqlite3_reset(stmt);
        sqlite3_bind_int64(stmt, 1, seat->participant_id);
        if (sqlite3_step(stmt) == SQLITE_ROW) {
            seat->revoked = sqlite3_column_int(stmt, 2);
            seat->invited = sqlite3_column_int(stmt, 1) && !seat->revoked;
            seat->joined = sqlite3_column_int(stmt, 3);
            out->active = out->active || sqlite3_column_int(stmt, 1);
        }
        sqlite3_reset(ready);
        sqlite3_bind_int64(ready, 1, seat->participant_id);
        while (sqlite3_step(ready) == SQLITE_ROW) {
            int step = step_from_id((const char *)sqlite3_column_text(ready, 0));
            if (step < 0)
                continue;
            seat->writing[step] = sqlite3_column_int(ready, 1);
            seat->done[step] = sqlite3_column_int(ready, 2);
        }
        seat->present = store_room_present(st, seat->participant_id);
        seat->objecting = store_room_objecting(st, seat->participant_id);
    }
    sqlite3_finalize(stmt);
    sqlite3_finalize(ready);
    stmt = rc == 0 ? store_prepare(st, "SELECT step FROM revealed WHERE session_id = ?1") : NULL;
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, s->id);
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            int step = step_from_id((const char *)sqlite3_column_text(stmt, 0));
            if (step >= 0)
                out->revealed[step] = true;
        }
        sqlite3_finalize(stmt);
    }
    /* a walk-in code, even one taken back, puts the session in room mode, as an invite does */
    stmt = rc == 0 ? store_prepare(st, "SELECT revoked_at IS NULL FROM walk_ins"
                                       " WHERE session_id = ?1") : NULL;
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, s->id);
        if (sqlite3_step(stmt) == SQLITE_ROW) {
            out->active = true;
            out->walk_ins = sqlite3_column_int(stmt, 0);
        }
        sqlite3_finalize(stmt);
    }
    stmt = rc == 0 ? store_prepare(st, "SELECT deadline FROM room WHERE session_id = ?1") : NULL;
    if (stmt) {
        sqlite3_bind_int64(stmt, 1, s->id);
        if (sqlite3_step(stmt) == SQLITE_ROW)
            out->deadline = store_column_text(stmt, 0);
        sqlite3_finalize(stmt);
    }
    if (rc < 0)
        room_free(out);
    return rc;
}

void room_free(struct room *r)
{
    free(r->seats);
    free(r->deadline);
    memset(r, 0, sizeof *r);
}
