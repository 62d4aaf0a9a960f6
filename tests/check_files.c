/* check_files.c: Check suite for files.c: telling the database and SQLite's files beside
 * it (-wal, -shm, -journal) from any other export target, however the target is named. */
#include "check_main.h"
#include "files.h"
#include "util.h"

static char *folder;

static void setup(void)
{
    folder = make_temp_folder();
}

static void teardown(void)
{
    remove_temp_folder(folder);
}

/* folder/name, made with some bytes in it. Caller frees. */
static char *make_file(const char *name)
{
    char *path = xasprintf("%s/%s", folder, name);
    ck_assert_int_eq(file_write_atomic(path, "x", 1), 0);
    return path;
}

static char *in_folder(const char *name)
{
    return xasprintf("%s/%s", folder, name);
}

/* The part target is of db, "none" for another file: ck_assert_str_eq takes no NULL. */
static const char *part(const char *target, const char *db)
{
    const char *p = file_database_part(target, db);
    return p ? p : "none";
}

START_TEST(the_database_and_its_files_by_name)
{
    char *db = make_file("t.db"), *wal = make_file("t.db-wal");
    char *shm = in_folder("t.db-shm"), *journal = in_folder("t.db-journal");
    ck_assert_str_eq(part(db, db), "");
    ck_assert_str_eq(part(wal, db), "-wal");
    ck_assert_str_eq(part(shm, db), "-shm");         /* not there yet: by its name */
    ck_assert_str_eq(part(journal, db), "-journal");
    free(db), free(wal), free(shm), free(journal);
}
END_TEST

START_TEST(other_files_are_not_parts)
{
    char *db = make_file("t.db"), *other = make_file("canvas.md");
    char *near = in_folder("t.db-walrus"), *missing = in_folder("no/such/t.db-wal");
    char *before = in_folder("t.db.md");
    ck_assert_str_eq(part(other, db), "none");
    ck_assert_str_eq(part(near, db), "none");
    ck_assert_str_eq(part(missing, db), "none");
    ck_assert_str_eq(part(before, db), "none");
    ck_assert_str_eq(part("-", db), "none");
    free(db), free(other), free(near), free(missing), free(before);
}
END_TEST

START_TEST(dot_dot_and_relative_names)
{
    char *db = make_file("t.db"), *wal = make_file("t.db-wal"), *sub = in_folder("sub");
    ck_assert_int_eq(file_make_folders(sub), 0);
    char *round = in_folder("sub/../t.db-wal"), *shm = in_folder("sub/.././t.db-shm");
    ck_assert_str_eq(part(round, db), "-wal");
    ck_assert_str_eq(part(shm, db), "-shm");
    ck_assert_int_eq(chdir(sub), 0);
    ck_assert_str_eq(part("../t.db-wal", db), "-wal");
    ck_assert_str_eq(part("../t.db-journal", db), "-journal");
    ck_assert_str_eq(part("./../t.db", "../t.db"), "");
    ck_assert_str_eq(part("t.db-wal", "../t.db"), "none"); /* sub/t.db-wal is another file */
    free(db), free(wal), free(sub), free(round), free(shm);
}
END_TEST

START_TEST(links_to_them)
{
    char *db = make_file("t.db"), *wal = make_file("t.db-wal");
    char *soft = in_folder("soft.md"), *hard = in_folder("hard.md"), *to_db = in_folder("db.md");
    ck_assert_int_eq(symlink(wal, soft), 0);
    ck_assert_int_eq(link(wal, hard), 0);
    ck_assert_int_eq(symlink(db, to_db), 0);
    ck_assert_str_eq(part(soft, db), "-wal");
    ck_assert_str_eq(part(hard, db), "-wal");
    ck_assert_str_eq(part(to_db, db), "");
    free(db), free(wal), free(soft), free(hard), free(to_db);
}
END_TEST

START_TEST(a_database_named_through_a_link)
{
    /* SQLite puts the -wal beside the file the link points to. */
    char *db = make_file("real.db"), *named = in_folder("named.db");
    char *wal = in_folder("real.db-wal");
    ck_assert_int_eq(symlink(db, named), 0);
    ck_assert_str_eq(part(wal, named), "-wal");
    ck_assert_str_eq(part(db, named), "");
    free(db), free(named), free(wal);
}
END_TEST

static Suite *files_suite(void)
{
    Suite *s = suite_create("files");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, the_database_and_its_files_by_name);
    tcase_add_test(tc, other_files_are_not_parts);
    tcase_add_test(tc, dot_dot_and_relative_names);
    tcase_add_test(tc, links_to_them);
    tcase_add_test(tc, a_database_named_through_a_link);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(files_suite(), "check_files");
}
