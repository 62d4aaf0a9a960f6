/* store_pitch.h: the sales pitch in the store: each section as the room
 * wrote it. A section with nothing written shows its draft (pitch.h), which
 * is never stored. Each change is one transaction. */
#ifndef SAMESONG_STORE_PITCH_H
#define SAMESONG_STORE_PITCH_H

#include "store.h"

/* Writes a section of the pitch (may span lines). NULL, or text of spaces
 * and line breaks only, takes what was written away: the section shows its
 * draft again. */
int store_set_pitch(struct store *st, int64_t session_id, enum pitch_section section,
                    const char *text);

#endif
