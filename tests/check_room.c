/* check_room.c: Check suite for room mode in the store: join codes (hashed,
 * one per person, revocable, wrong ones slowed down), the walk-in code and
 * the newcomers it adds, seats held by a terminal and let go when it ends,
 * readiness, reveals, the lock, and a schema-8 file upgraded. */
#include "check_main.h"
#include "store.h"
#include "store_internal.h" /* st->db, to look at what is stored */
#include "store_room.h"

#include <signal.h>
#include <sys/wait.h>

static char *folder, *db_path;
static char err[512];
static struct store *st;
static int64_t session;

static void setup(void)
{
    folder = make_temp_folder();
    db_path = malloc(strlen(folder) + 16);
    sprintf(db_path, "%s/room.db", folder);
    ck_assert_msg(store_open(db_path, 0, &st, err, sizeof err) == 0, "%s", err);
    char *slug;
    ck_assert_int_eq(store_create_session(st, "Room", "P", false, NULL, &slug), 0);
    ck_assert_int_eq(store_find_session(st, slug, &session), 0);
    free(slug);
    ck_assert_int_eq(store_add_participant(st, session, "Ana", ROLE_CEO), 0);
    ck_assert_int_eq(store_add_participant(st, session, "Ben", ROLE_SALES), 0);
}

static void teardown(void)
{
    store_close(st);
    free(db_path);
    remove_temp_folder(folder);
}

static int64_t participant(const char *name)
{
    struct session s;
    ck_assert_int_eq(store_load_session(st, session, &s), 0);
    int64_t id = 0;
    for (size_t i = 0; i < s.participant_count; i++)
        if (!strcmp(s.participants[i].name, name))
            id = s.participants[i].id;
    session_free(&s);
    return id;
}

/* Ana's and Ben's codes, in that order. */
static void invite_both(char ana[ROOM_CODE_LEN + 1], char ben[ROOM_CODE_LEN + 1])
{
    struct room_code *codes;
    size_t n;
    ck_assert_msg(store_invite(st, session, NULL, 0, &codes, &n) == 0, "%s", store_error(st));
    ck_assert_uint_eq(n, 2);
    ck_assert_str_eq(codes[0].name, "Ana");
    strcpy(ana, codes[0].code);
    strcpy(ben, codes[1].code);
    store_room_codes_free(codes, n);
}

START_TEST(a_code_is_one_person_and_only_its_hash_is_kept)
{
    char ana[8], ben[8];
    invite_both(ana, ben);
    ck_assert_int_eq(strlen(ana), 7);
    ck_assert_int_eq(ana[3], '-');
    ck_assert_str_ne(ana, ben);
    int64_t who;
    ck_assert_msg(store_join(st, session, ben, &who) == 0, "%s", store_error(st));
    ck_assert_int_eq(who, participant("Ben"));
    /* lower case, no hyphen, spaces: the same code */
    char typed[16] = " ";
    for (int i = 0, n = 1; ana[i]; i++)
        if (ana[i] != '-')
            typed[n++] = (char)(ana[i] | 0x20), typed[n] = '\0';
    strcat(typed, " ");
    ck_assert_msg(store_join(st, session, typed, &who) == 0, "%s", store_error(st));
    ck_assert_int_eq(who, participant("Ana"));
    /* the file holds no code in the clear */
    sqlite3_stmt *stmt;
    sqlite3_prepare_v2(st->db, "SELECT count(*) FROM invites WHERE code_hash LIKE 'sha256:%'"
                               " AND instr(code_hash, ?1) = 0 AND length(salt) = 16", -1, &stmt,
                       NULL);
    char plain[7] = {ana[0], ana[1], ana[2], ana[4], ana[5], ana[6], 0};
    sqlite3_bind_text(stmt, 1, plain, -1, SQLITE_STATIC);
    ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(stmt, 0), 2);
    sqlite3_finalize(stmt);
}
END_TEST

START_TEST(new_and_revoked_codes_stop_the_old_ones)
{
    char ana[8], ben[8], ana2[8], ben2[8];
    invite_both(ana, ben);
    invite_both(ana2, ben2);
    int64_t who;
    ck_assert_int_eq(store_join(st, session, ana, &who), -1);
    ck_assert_ptr_nonnull(strstr(store_error(st), "not valid for this session"));
    ck_assert_int_eq(store_join(st, session, ana2, &who), 0);
    ck_assert_int_eq(store_revoke_invite(st, session, "ben"), 0);
    ck_assert_int_eq(store_join(st, session, ben2, &who), -1);
    ck_assert_int_eq(store_revoke_invite(st, session, "Ben"), -1); /* nothing left to revoke */
    struct session s;
    struct room room;
    ck_assert_int_eq(store_load_session(st, session, &s), 0);
    ck_assert_int_eq(store_load_room(st, &s, &room), 0);
    ck_assert(room.active);
    ck_assert(room.seats[0].invited && room.seats[0].joined && !room.seats[0].revoked);
    ck_assert(!room.seats[1].invited && room.seats[1].revoked && !room.seats[1].joined);
    room_free(&room);
    session_free(&s);
}
END_TEST

START_TEST(wrong_codes_are_slowed_down)
{
    char ana[8], ben[8];
    invite_both(ana, ben);
    int64_t who;
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(store_join(st, session, "AAA-AAA", &who), -1);
    /* the fifth wrong code makes the session wait, even for a right one */
    ck_assert_int_eq(store_join(st, session, ana, &who), -1);
    ck_assert_msg(strstr(store_error(st), "too many wrong codes for this session; wait"),
                  "%s", store_error(st));
    /* ... until the wait is over: here, the failures are made old by hand */
    ck_assert_int_eq(sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
    st->writing = true; /* the commit hook wants the writers' lock; this test holds it */
    ck_assert_int_eq(sqlite3_exec(st->db, "UPDATE join_failures SET at = at - 1", NULL, NULL,
                                  NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    st->writing = false;
    ck_assert_msg(store_join(st, session, ana, &who) == 0, "%s", store_error(st));
}
END_TEST

START_TEST(a_seat_is_held_until_the_terminal_ends)
{
    int64_t ana = participant("Ana");
    ck_assert(!store_room_present(st, ana));
    int ready[2], stop[2];
    ck_assert_int_eq(pipe(ready), 0);
    ck_assert_int_eq(pipe(stop), 0);
    pid_t child = fork();
    if (child == 0) {
        struct store *other;
        char e[512];
        if (store_open(db_path, 0, &other, e, sizeof e) < 0 || store_room_sit(other, ana) < 0)
            _exit(1);
        ck_assert_int_eq(write(ready[1], "x", 1), 1);
        char c;
        ck_assert_int_ge(read(stop[0], &c, 1), 0); /* until told, or killed */
        _exit(0);
    }
    char c;
    ck_assert_int_eq(read(ready[0], &c, 1), 1);
    ck_assert(store_room_present(st, ana));
    ck_assert(!store_room_present(st, participant("Ben")));
    /* the same person cannot sit at a second terminal */
    pid_t second = fork();
    if (second == 0) {
        struct store *other;
        char e[512];
        if (store_open(db_path, 0, &other, e, sizeof e) < 0)
            _exit(2);
        int rc = store_room_sit(other, ana);
        _exit(rc < 0 && strstr(store_error(other), "already joined from another terminal") ? 0
                                                                                            : 1);
    }
    int status;
    waitpid(second, &status, 0);
    ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0, "a second seat was taken");
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    ck_assert(!store_room_present(st, ana)); /* gone at once, with nothing written */
    ck_assert_int_eq(store_room_sit(st, ana), 0);
}
END_TEST

START_TEST(readiness_and_reveals_are_loaded)
{
    int64_t ben = participant("Ben");
    ck_assert_int_eq(store_room_set_writing(st, ben, STEP_VALUE, true), 0);
    ck_assert_int_eq(store_room_set_done(st, ben, STEP_ALTERNATIVES, true), 0);
    ck_assert_int_eq(store_room_reveal(st, session, STEP_ALTERNATIVES), 0);
    ck_assert_int_eq(store_room_reveal(st, session, STEP_ALTERNATIVES), 0); /* twice is once */
    ck_assert_int_eq(store_room_set_deadline(st, session, "2026-12-01"), 0);
    ck_assert_int_eq(store_room_set_deadline(st, session, "tomorrow"), -1);
    struct session s;
    struct room room;
    ck_assert_int_eq(store_load_session(st, session, &s), 0);
    ck_assert_int_eq(store_load_room(st, &s, &room), 0);
    ck_assert(!room.active); /* nobody invited yet */
    ck_assert(room.seats[1].writing[STEP_VALUE] && !room.seats[1].writing[STEP_ALTERNATIVES]);
    ck_assert(room.seats[1].done[STEP_ALTERNATIVES] && !room.seats[0].done[STEP_ALTERNATIVES]);
    ck_assert(room.revealed[STEP_ALTERNATIVES] && !room.revealed[STEP_VALUE]);
    ck_assert_str_eq(room.deadline, "2026-12-01");
    room_free(&room);
    ck_assert_int_eq(store_room_set_done(st, ben, STEP_ALTERNATIVES, false), 0);
    ck_assert_int_eq(store_load_room(st, &s, &room), 0);
    ck_assert(!room.seats[1].done[STEP_ALTERNATIVES]);
    room_free(&room);
    session_free(&s);
}
END_TEST

START_TEST(a_locked_session_takes_no_codes)
{
    char ana[8], ben[8];
    invite_both(ana, ben);
    for (int step = 0; step < STEP_COUNT; step++)
        ck_assert_int_eq(store_set_decision(st, session, (enum step)step, "decided"), 0);
    ck_assert_msg(store_lock_session(st, session) == 0, "%s", store_error(st));
    int64_t who;
    ck_assert_int_eq(store_join(st, session, ana, &who), -1);
    ck_assert_ptr_nonnull(strstr(store_error(st), "locked"));
    struct room_code *codes;
    size_t n;
    ck_assert_int_eq(store_invite(st, session, NULL, 0, &codes, &n), -1);
    ck_assert_int_eq(store_room_set_done(st, participant("Ana"), STEP_VALUE, true), -1);
}
END_TEST

/* One number from the database as it is now. */
static int number(const char *sql)
{
    sqlite3_stmt *stmt;
    ck_assert_int_eq(sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
    int n = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return n;
}

/* Everything a walk-in could have written, as one number to compare. */
#define WRITTEN "SELECT (SELECT count(*) FROM participants) * 1000000 + (SELECT count(*) FROM" \
                " invites) * 10000 + (SELECT count(*) FROM events) * 100 +" \
                " (SELECT count(*) FROM join_failures)"

static void open_walk_ins(char code[ROOM_CODE_LEN + 1])
{
    ck_assert_msg(store_open_walk_ins(st, session, code) == 0, "%s", store_error(st));
}

START_TEST(a_walk_in_code_adds_anyone_new_once_each)
{
    char code[8], own[8], fay[8];
    open_walk_ins(code);
    ck_assert_int_eq(strlen(code), 7);
    ck_assert_int_eq(code[3], '-');
    /* the file keeps only a salted hash of it */
    char plain[7] = {code[0], code[1], code[2], code[4], code[5], code[6], 0};
    sqlite3_stmt *stmt;
    sqlite3_prepare_v2(st->db, "SELECT count(*) FROM walk_ins WHERE code_hash LIKE 'sha256:%'"
                               " AND instr(code_hash, ?1) = 0 AND length(salt) = 16", -1, &stmt,
                       NULL);
    sqlite3_bind_text(stmt, 1, plain, -1, SQLITE_STATIC);
    ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(stmt, 0), 1);
    sqlite3_finalize(stmt);
    /* the code itself joins no one and writes nothing */
    int before = number(WRITTEN);
    int64_t who = -1;
    ck_assert_msg(store_join(st, session, code, &who) == 0, "%s", store_error(st));
    ck_assert_int_eq(who, 0);
    ck_assert_int_eq(number(WRITTEN), before);
    /* the newcomer says who they are: added, with a code of their own, joined */
    ck_assert_msg(store_walk_in(st, session, plain, "Eve", ROLE_SALES, &who, own) == 0, "%s",
                  store_error(st));
    ck_assert_int_eq(who, participant("Eve"));
    ck_assert_int_eq(strlen(own), 7);
    ck_assert_str_ne(own, code);
    ck_assert_int_eq(number("SELECT count(*) FROM participants WHERE name = 'Eve' AND role ="
                            " 'sales' AND position = 2"), 1);
    int64_t again;
    ck_assert_msg(store_join(st, session, own, &again) == 0, "%s", store_error(st));
    ck_assert_int_eq(again, who); /* their own code is them */
    /* the walk-in code goes on adding people, each once */
    int64_t second;
    ck_assert_int_eq(store_walk_in(st, session, code, "Fay", ROLE_OTHER, &second, fay), 0);
    ck_assert_int_ne(second, who);
    struct session s;
    struct room room;
    ck_assert_int_eq(store_load_session(st, session, &s), 0);
    ck_assert_int_eq(store_load_room(st, &s, &room), 0);
    ck_assert(room.active && room.walk_ins);
    ck_assert_uint_eq(room.seat_count, 4);
    ck_assert(room.seats[2].invited && room.seats[2].joined);
    ck_assert(!room.seats[0].invited); /* Ana had no code: the walk-ins changed nothing of hers */
    room_free(&room);
    session_free(&s);
}
END_TEST

START_TEST(walk_ins_alone_put_the_session_in_room_mode)
{
    struct session s;
    struct room room;
    ck_assert_int_eq(store_load_session(st, session, &s), 0);
    ck_assert_int_eq(store_load_room(st, &s, &room), 0);
    ck_assert(!room.active && !room.walk_ins);
    room_free(&room);
    char code[8];
    open_walk_ins(code);
    ck_assert_int_eq(store_load_room(st, &s, &room), 0);
    ck_assert(room.active && room.walk_ins);
    room_free(&room);
    ck_assert_int_eq(store_close_walk_ins(st, session), 0);
    ck_assert_int_eq(store_load_room(st, &s, &room), 0);
    ck_assert(room.active && !room.walk_ins); /* as a revoked invite keeps it */
    room_free(&room);
    session_free(&s);
}
END_TEST

START_TEST(a_name_in_the_session_is_refused)
{
    char code[8], own[8];
    open_walk_ins(code);
    int before = number(WRITTEN);
    int64_t who;
    ck_assert_int_eq(store_walk_in(st, session, code, "ana", ROLE_SALES, &who, own), -1);
    ck_assert_str_eq(store_error(st), "ana is already in this session");
    ck_assert_int_eq(who, 0);
    ck_assert_str_eq(own, "");
    ck_assert_int_eq(store_walk_in(st, session, code, "  ", ROLE_SALES, &who, own), -1);
    ck_assert_int_eq(number(WRITTEN), before); /* nothing, not even a failure counted */
}
END_TEST

START_TEST(a_closed_or_replaced_walk_in_code_is_refused)
{
    char code[8], code2[8], own[8];
    open_walk_ins(code);
    ck_assert_int_eq(store_close_walk_ins(st, session), 0);
    ck_assert_int_eq(store_close_walk_ins(st, session), -1); /* nothing left to close */
    ck_assert_str_eq(store_error(st), "walk-ins are not open for this session");
    int64_t who;
    ck_assert_int_eq(store_join(st, session, code, &who), -1);
    ck_assert_ptr_nonnull(strstr(store_error(st), "not valid for this session"));
    ck_assert_int_eq(store_walk_in(st, session, code, "Eve", ROLE_SALES, &who, own), -1);
    ck_assert_ptr_nonnull(strstr(store_error(st), "not valid for this session"));
    ck_assert_int_eq(number("SELECT count(*) FROM join_failures"), 2); /* both counted */
    ck_assert_int_eq(number("SELECT count(*) FROM participants"), 2);
    /* opened again: a new code; the old one stays dead */
    open_walk_ins(code2);
    ck_assert_str_ne(code, code2);
    ck_assert_int_eq(store_join(st, session, code, &who), -1);
    ck_assert_int_eq(store_join(st, session, code2, &who), 0);
    /* a personal code adds no one */
    char ana[8], ben[8];
    invite_both(ana, ben);
    ck_assert_int_eq(store_walk_in(st, session, ana, "Eve", ROLE_SALES, &who, own), -1);
    ck_assert_ptr_nonnull(strstr(store_error(st), "personal join code"));
    ck_assert_int_eq(number("SELECT count(*) FROM participants"), 2);
}
END_TEST

START_TEST(wrong_codes_slow_down_the_walk_in_code_too)
{
    char code[8];
    open_walk_ins(code);
    int64_t who;
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(store_join(st, session, "AAA-AAA", &who), -1);
    ck_assert_int_eq(store_join(st, session, code, &who), -1);
    ck_assert_ptr_nonnull(strstr(store_error(st), "too many wrong codes for this session"));
    char own[8];
    ck_assert_int_eq(store_walk_in(st, session, code, "Eve", ROLE_SALES, &who, own), -1);
    ck_assert_ptr_nonnull(strstr(store_error(st), "too many wrong codes for this session"));
    ck_assert_int_eq(number("SELECT count(*) FROM participants"), 2);
}
END_TEST

START_TEST(a_locked_or_solo_session_takes_no_walk_ins)
{
    char code[8], own[8];
    open_walk_ins(code);
    for (int step = 0; step < STEP_COUNT; step++)
        ck_assert_int_eq(store_set_decision(st, session, (enum step)step, "decided"), 0);
    ck_assert_msg(store_lock_session(st, session) == 0, "%s", store_error(st));
    int64_t who;
    ck_assert_int_eq(store_join(st, session, code, &who), -1);
    ck_assert_ptr_nonnull(strstr(store_error(st), "locked"));
    ck_assert_int_eq(store_walk_in(st, session, code, "Eve", ROLE_SALES, &who, own), -1);
    ck_assert_ptr_nonnull(strstr(store_error(st), "locked"));
    ck_assert_int_eq(store_open_walk_ins(st, session, code), -1);
    ck_assert_int_eq(store_close_walk_ins(st, session), -1);
    ck_assert_int_eq(number("SELECT count(*) FROM participants"), 2);
    /* and the table is guarded like the session's other rows, whoever writes */
    char *msg = NULL;
    st->writing = true;
    ck_assert_int_ne(sqlite3_exec(st->db, "UPDATE walk_ins SET revoked_at = 'x'", NULL, NULL,
                                  &msg), SQLITE_OK);
    st->writing = false;
    ck_assert_str_eq(msg, "session is locked");
    sqlite3_free(msg);

    char *slug;
    int64_t solo;
    ck_assert_int_eq(store_create_session(st, "Mine", "P", true, NULL, &slug), 0);
    ck_assert_int_eq(store_find_session(st, slug, &solo), 0);
    free(slug);
    ck_assert_int_eq(store_open_walk_ins(st, solo, code), -1);
    ck_assert_ptr_nonnull(strstr(store_error(st), "solo"));
}
END_TEST

/* A file of schema 8 (room mode before walk-ins) opens as the newest: its
 * codes still work, and walk-ins can be opened in it. */
START_TEST(a_schema_8_file_opens_with_walk_ins)
{
    char *old_path = malloc(strlen(folder) + 16);
    sprintf(old_path, "%s/old.db", folder);
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(old_path, &db), SQLITE_OK);
    for (int v = 0; v < 8; v++)
        ck_assert_int_eq(sqlite3_exec(db, store_migrations[v], NULL, NULL, NULL), SQLITE_OK);
    /* Ana's code AAA-AAA, as schema 8 kept it: the SHA-256 of "SALT:AAAAAA" */
    ck_assert_int_eq(sqlite3_exec(db,
        "PRAGMA user_version = 8; PRAGMA application_id = 1400065639;"
        "INSERT INTO sessions (slug, name, product) VALUES ('old', 'Old', 'P');"
        "INSERT INTO participants (session_id, name, role, position) VALUES (1, 'Ana', 'ceo', 0);"
        "INSERT INTO invites (participant_id, code_hash, salt) VALUES (1,"
        " 'sha256:595cb8a6bd17ec08c725630807a38840c225ed569df666b8026515fbfcfcae86',"
        " '0011223344556677');",
        NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    struct store *old;
    ck_assert_msg(store_open(old_path, 0, &old, err, sizeof err) == 0, "%s", err);
    char *missing = NULL;
    ck_assert_int_eq(store_check_schema(old, &missing), 0);
    ck_assert_ptr_null(missing);
    struct session s;
    struct room room;
    ck_assert_int_eq(store_load_session(old, 1, &s), 0);
    ck_assert_int_eq(store_load_room(old, &s, &room), 0);
    ck_assert(room.active && room.seats[0].invited && !room.walk_ins);
    room_free(&room);
    session_free(&s);
    char code[8], own[8];
    int64_t who;
    ck_assert_msg(store_join(old, 1, "aaa-aaa", &who) == 0, "%s", store_error(old));
    ck_assert_int_eq(who, 1);
    ck_assert_msg(store_open_walk_ins(old, 1, code) == 0, "%s", store_error(old));
    ck_assert_msg(store_walk_in(old, 1, code, "Eve", ROLE_PRODUCT, &who, own) == 0, "%s",
                  store_error(old));
    store_close(old);
    ck_assert_int_eq(sqlite3_open(old_path, &db), SQLITE_OK);
    sqlite3_stmt *stmt;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, NULL);
    ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(stmt, 0), STORE_SCHEMA_VERSION);
    sqlite3_finalize(stmt);
    sqlite3_prepare_v2(db, "SELECT count(*) FROM invites", -1, &stmt, NULL);
    ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(stmt, 0), 2); /* Ana's old one kept, Eve's new */
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    free(old_path);
}
END_TEST

static Suite *room_suite(void)
{
    Suite *s = suite_create("room");
    TCase *tc = tcase_create("room");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, a_code_is_one_person_and_only_its_hash_is_kept);
    tcase_add_test(tc, new_and_revoked_codes_stop_the_old_ones);
    tcase_add_test(tc, wrong_codes_are_slowed_down);
    tcase_add_test(tc, a_seat_is_held_until_the_terminal_ends);
    tcase_add_test(tc, readiness_and_reveals_are_loaded);
    tcase_add_test(tc, a_locked_session_takes_no_codes);
    tcase_add_test(tc, a_walk_in_code_adds_anyone_new_once_each);
    tcase_add_test(tc, walk_ins_alone_put_the_session_in_room_mode);
    tcase_add_test(tc, a_name_in_the_session_is_refused);
    tcase_add_test(tc, a_closed_or_replaced_walk_in_code_is_refused);
    tcase_add_test(tc, wrong_codes_slow_down_the_walk_in_code_too);
    tcase_add_test(tc, a_locked_or_solo_session_takes_no_walk_ins);
    tcase_add_test(tc, a_schema_8_file_opens_with_walk_ins);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(room_suite(), "check_room");
}
