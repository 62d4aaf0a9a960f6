/* store_search_rows.h: what the search index holds since schema 15, as SQL the
 * schema's triggers, the migration that rebuilds the index and `verify` share:
 * each kind of text, the row it is found again by, and the text it indexes.
 * Migration 15 is built from these: change them only with a new migration. */
#ifndef SAMESONG_STORE_SEARCH_ROWS_H
#define SAMESONG_STORE_SEARCH_ROWS_H

/* Each row is found again by its rowid, so a change never scans the index.
 * Results come newest rowid first, so the ranges say what comes first: the
 * room's texts (a session's decisions, their why, the champion, the style,
 * the pitch, the narrative; the newest session's first), then proofs and
 * dissents, then objections, then answers. Answers keep their ids, below
 * 2^40; no id of an answer, objection, proof or dissent may reach 2^40 (the
 * schema's *_id_range triggers), or a REPLACE of it could take another
 * session's row out of the index. */
#define SEARCH_2_40 "1099511627776"
#define SEARCH_2_41 "2199023255552"
#define SEARCH_2_42 "4398046511104"
#define SEARCH_OBJECTION_ROW(id) "(" SEARCH_2_40 " + " id ")"
#define SEARCH_PROOF_ROW(id) "(" SEARCH_2_41 " + " id " * 2)"
#define SEARCH_DISSENT_ROW(id) "(" SEARCH_2_41 " + " id " * 2 + 1)"
/* 32 rows a session: its texts in the order they come, highest first */
#define SEARCH_ROOM_ROW(session, slot) "(" SEARCH_2_42 " + " session " * 32 + " slot ")"
#define SEARCH_STEP_POSITION(step) "(SELECT position FROM steps WHERE id = " step ")"
#define SEARCH_DECISION_ROW(r) \
    SEARCH_ROOM_ROW(r ".session_id", "31 - " SEARCH_STEP_POSITION(r ".step"))
#define SEARCH_RATIONALE_ROW(r) \
    SEARCH_ROOM_ROW(r ".session_id", "25 - " SEARCH_STEP_POSITION(r ".step"))
#define SEARCH_CHAMPION_ROW(session) SEARCH_ROOM_ROW(session, "19")
#define SEARCH_STYLE_ROW(session) SEARCH_ROOM_ROW(session, "18")
#define SEARCH_PITCH_ROW(r) \
    SEARCH_ROOM_ROW(r ".session_id", \
                    "17 - (SELECT position FROM pitch_sections WHERE id = " r ".section)")
#define SEARCH_NARRATIVE_ROW(session) SEARCH_ROOM_ROW(session, "9")

/* The texts that are more than one column: a dissent with who says it (so a
 * name finds it), the champion with why they care, the style by its name
 * (as method_style_names has it) with its why. */
#define SEARCH_DISSENT_TEXT(r) r ".who || ': ' || " r ".what"
#define SEARCH_CHAMPION_TEXT(r) \
    r ".champion_role || coalesce(': ' || nullif(" r ".champion_why, ''), '')"
#define SEARCH_STYLE_TEXT(r) \
    "CASE " r ".style WHEN 'head-to-head' THEN 'Head to head' WHEN 'big-fish'" \
    " THEN 'Big fish in a small pond' WHEN 'new-category' THEN 'Create a new category'" \
    " ELSE " r ".style END || coalesce(': ' || nullif(" r ".style_why, ''), '')"

/* Each kind's row (rowid, text, session_id, kind, step, participant_id) for
 * the row r of its table; an answer's and an objection's need their
 * participant as p. The step column holds a pitch's section. */
#define SEARCH_ANSWER_COLUMNS(r) r ".id, " r ".text, p.session_id, 'answer', " r ".step, p.id"
#define SEARCH_OBJECTION_COLUMNS(r) \
    SEARCH_OBJECTION_ROW(r ".id") ", " r ".text, p.session_id, 'objection', NULL, p.id"
#define SEARCH_PROOF_COLUMNS(r) \
    SEARCH_PROOF_ROW(r ".id") ", " r ".text, " r ".session_id, 'proof', 'value', NULL"
#define SEARCH_DISSENT_COLUMNS(r) \
    SEARCH_DISSENT_ROW(r ".id") ", " SEARCH_DISSENT_TEXT(r) ", " r ".session_id, 'dissent', " \
    r ".step, NULL"
#define SEARCH_DECISION_COLUMNS(r) \
    SEARCH_DECISION_ROW(r) ", " r ".text, " r ".session_id, 'decision', " r ".step, NULL"
#define SEARCH_RATIONALE_COLUMNS(r) \
    SEARCH_RATIONALE_ROW(r) ", " r ".rationale, " r ".session_id, 'rationale', " r ".step, NULL"
#define SEARCH_RATIONALE_WHEN(r) r ".rationale != ''"
#define SEARCH_CHAMPION_COLUMNS(r) \
    SEARCH_CHAMPION_ROW(r ".session_id") ", " SEARCH_CHAMPION_TEXT(r) ", " r ".session_id," \
    " 'champion', 'customers', NULL"
#define SEARCH_CHAMPION_WHEN(r) r ".champion_role != ''"
#define SEARCH_STYLE_COLUMNS(r) \
    SEARCH_STYLE_ROW(r ".session_id") ", " SEARCH_STYLE_TEXT(r) ", " r ".session_id," \
    " 'style', 'category', NULL"
#define SEARCH_STYLE_WHEN(r) r ".style IS NOT NULL"
#define SEARCH_PITCH_COLUMNS(r) \
    SEARCH_PITCH_ROW(r) ", " r ".text, " r ".session_id, 'pitch', " r ".section, NULL"
#define SEARCH_NARRATIVE_COLUMNS(r) \
    SEARCH_NARRATIVE_ROW(r ".id") ", " r ".narrative, " r ".id, 'narrative', NULL, NULL"
#define SEARCH_NARRATIVE_WHEN(r) r ".narrative != ''"

#define SEARCH_INSERT "INSERT INTO search (rowid, text, session_id, kind, step, participant_id) "

/* Every row the index should hold, of the sessions that session(col) lets
 * through (" AND col = ?1", or "" for all): what migration 15 writes and
 * what `verify` checks a session's rows against. */
#define SEARCH_EVERY_ROW(session) \
    "SELECT " SEARCH_ANSWER_COLUMNS("r") " FROM inputs r JOIN participants p" \
    " ON p.id = r.participant_id WHERE 1" session("p.session_id") \
    " UNION ALL SELECT " SEARCH_OBJECTION_COLUMNS("r") " FROM objections r JOIN participants p" \
    " ON p.id = r.participant_id WHERE 1" session("p.session_id") \
    " UNION ALL SELECT " SEARCH_PROOF_COLUMNS("r") " FROM proofs r WHERE 1" \
    session("r.session_id") \
    " UNION ALL SELECT " SEARCH_DISSENT_COLUMNS("r") " FROM dissents r WHERE 1" \
    session("r.session_id") \
    " UNION ALL SELECT " SEARCH_DECISION_COLUMNS("r") " FROM decisions r WHERE 1" \
    session("r.session_id") \
    " UNION ALL SELECT " SEARCH_RATIONALE_COLUMNS("r") " FROM decisions r WHERE " \
    SEARCH_RATIONALE_WHEN("r") session("r.session_id") \
    " UNION ALL SELECT " SEARCH_CHAMPION_COLUMNS("r") " FROM positioning r WHERE " \
    SEARCH_CHAMPION_WHEN("r") session("r.session_id") \
    " UNION ALL SELECT " SEARCH_STYLE_COLUMNS("r") " FROM positioning r WHERE " \
    SEARCH_STYLE_WHEN("r") session("r.session_id") \
    " UNION ALL SELECT " SEARCH_PITCH_COLUMNS("r") " FROM pitch r WHERE 1" \
    session("r.session_id") \
    " UNION ALL SELECT " SEARCH_NARRATIVE_COLUMNS("r") " FROM sessions r WHERE " \
    SEARCH_NARRATIVE_WHEN("r") session("r.id")
#define SEARCH_ANY_SESSION(col) ""
#define SEARCH_ONE_SESSION(col) " AND " col " = ?1"

#endif
