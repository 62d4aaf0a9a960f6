/* check_main.h: what every Check suite shares: temporary folders and a main()
 * that prints the suite's one-line summary to the terminal as well as its log. */
#ifndef SAMESONG_CHECK_MAIN_H
#define SAMESONG_CHECK_MAIN_H

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A fresh folder for one test (the test runs in its own process). */
static inline char *make_temp_folder(void)
{
    const char *base = getenv("TMPDIR");
    char *path = malloc(4096);
    snprintf(path, 4096, "%s/samesong-test-XXXXXX", base && *base ? base : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(path));
    return path;
}

static inline void remove_temp_folder(char *path)
{
    char *cmd = malloc(strlen(path) + 16);
    sprintf(cmd, "rm -rf '%s'", path);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", path);
    free(cmd);
    free(path);
}

/* Runs the suite; make check's harness gives us fd 9 for the terminal. */
static inline int run_suite(Suite *suite, const char *name)
{
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_NORMAL);
    int run = srunner_ntests_run(runner);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    char line[128];
    int n = snprintf(line, sizeof line, "%s: %d passed, %d failed\n", name, run - failed, failed);
    if (fcntl(9, F_GETFD) != -1 && write(9, line, (size_t)n) != n)
        fputs("could not write the summary\n", stderr);
    return failed == 0 && run > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
