/* ui_run.h: the one way into the workshop screens, for main.c: no curses here,
 * so the command line stays outside the screens' layer. */
#ifndef SAMESONG_UI_RUN_H
#define SAMESONG_UI_RUN_H

struct store;

/* Opens the screens on the session list, or on the session open_slug (NULL
 * for none). theme is "default", "projector" or "plain". Returns an exit status. */
int ui_run(struct store *st, const char *open_slug, const char *theme);

#endif
