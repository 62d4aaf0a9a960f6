/* ui_run.h: the one way into the workshop screens, for main.c: no curses here,
 * so the command line stays outside the screens' layer. */
#ifndef SAMESONG_UI_RUN_H
#define SAMESONG_UI_RUN_H

#include <stdint.h>

struct store;

/* Opens the screens on the session list, or on the session open_slug (NULL
 * for none). theme is "default", "projector" or "plain". Returns an exit status. */
int ui_run(struct store *st, const char *open_slug, const char *theme);
/* Opens the participant's screen of session slug on a joined terminal, as
 * participant (whose account --as vouched for), or asking for the join code
 * when participant is 0. */
int ui_run_join(struct store *st, const char *slug, int64_t participant, const char *theme);

#endif
