/* store_export.c: a session as a samesong-session/1 document, built by SQLite's JSON functions:
 * its content (what a lock digest covers) and the export (the content and the digest). */
#include "store_internal.h"
#include "util.h"

#include <stdlib.h>

/* Key order and the omitted "group" follow the session file format, so that
 * exporting an imported file gives back the same document. json() keeps
 * subquery results as JSON rather than quoting them as strings;
 * json_patch drops a null "group", as a merge patch does. */
static const char export_sql[] =
    "SELECT json_patch(json_object("
    " 'format', 'samesong-session/1', 'name', s.name, 'product', s.product, 'mode', s.mode,"
    " 'participants', json((SELECT json_group_array(json_object('name', name, 'role', role))"
    "   FROM (SELECT name, role FROM participants WHERE session_id = s.id"
    "         ORDER BY position, id))),"
    " 'inputs', json((SELECT json_group_array(json_patch("
    "     json_object('participant', name, 'step', step, 'text', text),"
    "     json_object('group', group_label)))"
    "   FROM (SELECT p.name, i.step, i.text, i.group_label FROM inputs i"
    "         JOIN participants p ON p.id = i.participant_id JOIN steps t ON t.id = i.step"
    "         WHERE p.session_id = s.id ORDER BY t.position, p.position, i.position, i.id))),"
    " 'votes', json((SELECT json_group_array(json_object('participant', name, 'step', step,"
    "     'ranking', json(ranking)))"
    "   FROM (SELECT p.name, v.step, (SELECT json_group_array(label) FROM (SELECT label"
    "           FROM votes w WHERE w.participant_id = v.participant_id AND w.step = v.step"
    "           ORDER BY rank)) AS ranking"
    "         FROM (SELECT DISTINCT participant_id, step FROM votes) v"
    "         JOIN participants p ON p.id = v.participant_id JOIN steps t ON t.id = v.step"
    "         WHERE p.session_id = s.id ORDER BY t.position, p.position))),"
    " 'decisions', json((SELECT json_group_array(json_patch(json_object('step', step,"
    "     'text', text), json_object('why', rationale)))"
    "   FROM (SELECT d.step, d.text, d.rationale FROM decisions d JOIN steps t ON t.id = d.step"
    "         WHERE d.session_id = s.id ORDER BY t.position))),"
    " 'narrative', s.narrative,"
    " 'locked', json(iif(s.status = 'locked', 'true', 'false'))),"
    /* capability_tags and the method's chain only when there are some: older
     * files stay as they were, and so do their lock digests */
    " json_object('capability_tags', json((SELECT json_group_array(json_object('group', grp,"
    "   'tag', tag)) FROM (SELECT grp, tag FROM capability_tags WHERE session_id = s.id"
    "   ORDER BY grp) HAVING count(*) > 0)),"
    " 'item_tags', json((SELECT json_group_array(json_object('item', item, 'tag', tag))"
    "   FROM (SELECT item, tag FROM item_tags WHERE session_id = s.id ORDER BY item)"
    "   HAVING count(*) > 0)),"
    " 'links', json((SELECT json_group_array(json_object('step', step, 'item', item,"
    "   'builds_on', target)) FROM (SELECT l.step, l.item, l.target FROM decision_links l"
    "   JOIN steps t ON t.id = l.step WHERE l.session_id = s.id ORDER BY t.position, l.rowid)"
    "   HAVING count(*) > 0)),"
    " 'proofs', json((SELECT json_group_array(json_object('item', item, 'kind', kind,"
    "   'text', text)) FROM (SELECT item, kind, text FROM proofs WHERE session_id = s.id"
    "   ORDER BY id) HAVING count(*) > 0)),"
    " 'dissent', json((SELECT json_group_array(json_object('step', step, 'who', who,"
    "   'what', what)) FROM (SELECT d.step, d.who, d.what FROM dissents d"
    "   JOIN steps t ON t.id = d.step WHERE d.session_id = s.id ORDER BY t.position, d.id)"
    "   HAVING count(*) > 0)),"
    " 'champion', (SELECT champion_role FROM positioning WHERE session_id = s.id),"
    " 'champion_why', (SELECT champion_why FROM positioning WHERE session_id = s.id),"
    " 'positioning_style', (SELECT style FROM positioning WHERE session_id = s.id),"
    " 'positioning_why', (SELECT style_why FROM positioning WHERE session_id = s.id),"
    /* the closed rounds of the vote, and a consensus threshold the room set */
    " 'rounds', json((SELECT json_group_array(json_object('participant', name, 'step', step,"
    "   'round', round, 'ranking', json(ranking)))"
    "   FROM (SELECT p.name, r.step, r.round, (SELECT json_group_array(label) FROM (SELECT label"
    "           FROM vote_rounds w WHERE w.participant_id = r.participant_id"
    "           AND w.step = r.step AND w.round = r.round ORDER BY rank)) AS ranking"
    "         FROM (SELECT DISTINCT participant_id, step, round FROM vote_rounds) r"
    "         JOIN participants p ON p.id = r.participant_id JOIN steps t ON t.id = r.step"
    "         WHERE p.session_id = s.id ORDER BY t.position, r.round, p.position)"
    "   HAVING count(*) > 0)),"
    " 'consensus_threshold', (SELECT threshold FROM consensus WHERE session_id = s.id),"
    /* the pitch's written sections in its order; a draft is never written */
    " 'pitch', json((SELECT json_group_array(json_object('section', section, 'text', text))"
    "   FROM (SELECT p.section, p.text FROM pitch p JOIN pitch_sections t ON t.id = p.section"
    "   WHERE p.session_id = s.id ORDER BY t.position) HAVING count(*) > 0)),"
    /* the objections each participant hears, in their order */
    " 'objections', json((SELECT json_group_array(json_object('participant', name,"
    "   'text', text)) FROM (SELECT p.name, o.text FROM objections o"
    "   JOIN participants p ON p.id = o.participant_id WHERE p.session_id = s.id"
    "   ORDER BY p.position, o.position, o.id) HAVING count(*) > 0))))"
    " FROM sessions s WHERE s.id = ?";

int store_session_content(struct store *st, int64_t id, char **json_out)
{
    *json_out = NULL;
    sqlite3_stmt *stmt = store_prepare(st, export_sql);
    if (!stmt)
        return -1;
    sqlite3_bind_int64(stmt, 1, id);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *json_out = store_column_text(stmt, 0);
    sqlite3_finalize(stmt);
    if (rc == SQLITE_DONE)
        return store_fail(st, "no session number %lld", (long long)id);
    return rc == SQLITE_ROW ? 0 : store_sql_fail(st, "cannot export the session");
}

/* The content with the lock digest last, when there is one. */
int store_export_json(struct store *st, int64_t id, char **json_out)
{
    char *content;
    if (store_session_content(st, id, &content) < 0)
        return -1;
    *json_out = NULL;
    sqlite3_stmt *stmt = store_prepare(
        st, "SELECT json_patch(?2, json_object('lock_digest',"
            " (SELECT digest FROM lock_digests WHERE session_id = ?1)))");
    if (!stmt) {
        free(content);
        return -1;
    }
    sqlite3_bind_int64(stmt, 1, id);
    sqlite3_bind_text(stmt, 2, content, -1, SQLITE_STATIC);
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *json_out = store_column_text(stmt, 0);
    sqlite3_finalize(stmt);
    free(content);
    return rc == SQLITE_ROW ? 0 : store_sql_fail(st, "cannot export the session");
}
