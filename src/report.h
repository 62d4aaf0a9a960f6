/* report.h: a session written out for people: the plain-text listing and the Markdown canvas. */
#ifndef SAMESONG_REPORT_H
#define SAMESONG_REPORT_H

#include "session.h"
#include "store.h"

/* Every answer by step and participant, then decisions and narrative, as plain
 * text safe for a terminal (caller frees). */
char *report_text(const struct session *s, const struct step_text steps[STEP_COUNT]);

/* The canvas as Markdown: decisions, answers by participant, narrative (caller frees). */
char *report_markdown(const struct session *s, const struct step_text steps[STEP_COUNT]);

#endif
