/**
 * What each route answers, per side and actor, with no alternative: every case runs on the same
 * world, in a transaction rolled back afterwards, on records chosen by content (see access-paths.ts),
 * so one status is the only right answer. "A" is the actors' own programme (the demo) and the lead's
 * records (the manager's organization); "B" a programme and records of organizations none of the
 * actors belongs to. Statuses are in the order anonymous, outsider (an unrelated organization),
 * vendor member, partner member, manager (all organization administrators). A declared set such as
 * "200/409" would accept either, but none is needed: give the reason in a comment if one ever is.
 * Bodies are the generated samples, made valid where noted in access-bodies.ts.
 */
export const expectedAccess: Record<string, string> = {
  'GET /api/health': 'A 200 200 200 200 200',
  'POST /api/auth/login': 'A 401 401 401 401 401',
  'POST /api/auth/logout': 'A 401 204 204 204 204',
  'GET /api/auth/csrf': 'A 401 200 200 200 200',
  'GET /api/me': 'A 401 200 200 200 200',
  'PATCH /api/me': 'A 401 200 200 200 200',
  'GET /api/me/tokens': 'A 401 200 200 200 200',
  'POST /api/me/tokens': 'A 401 201 201 201 201',
  // A: each actor's own token; B: a token of B's manager, which nobody else may revoke.
  'DELETE /api/me/tokens/{id}': 'A 401 204 204 204 204 | B 401 404 404 404 404',
  'GET /api/users': 'A 401 200 200 200 200',
  // A: a colleague of the manager (an organization administrator may reset a colleague's password); B: B's manager.
  'POST /api/users/{id}/password-reset': 'A 401 404 404 404 201 | B 401 404 404 404 404',
  'POST /api/invitations': 'A 401 201 201 201 201',
  // Tokens are secrets sent by e-mail; an unknown one answers 404 whoever asks.
  'GET /api/invitations/{token}': 'A 404 404 404 404 404 | B 404 404 404 404 404',
  'POST /api/invitations/{token}/accept': 'A 404 404 404 404 404 | B 404 404 404 404 404',
  'GET /api/password-resets/{token}': 'A 404 404 404 404 404 | B 404 404 404 404 404',
  'POST /api/password-resets/{token}': 'A 404 404 404 404 404 | B 404 404 404 404 404',
  'GET /api/programmes': 'A 401 200 200 200 200',
  // Anyone signed in may start a programme (they become its manager).
  'POST /api/programmes': 'A 401 201 201 201 201',
  'GET /api/programmes/{id}': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'PATCH /api/programmes/{id}': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  'POST /api/programmes/{id}/status': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/members': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  // The manager adds the partner, already a member: 409.
  'POST /api/programmes/{id}/members': 'A 401 404 403 403 409 | B 401 404 404 404 404',
  'PATCH /api/programmes/{id}/members/{childId}': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/members/{childId}/users': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/users': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'POST /api/programmes/{id}/invitations': 'A 401 404 403 403 201 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/plan': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/timeline': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/raci': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'POST /api/programmes/{id}/work-packages': 'A 401 404 403 403 201 | B 401 404 404 404 404',
  'PATCH /api/programmes/{id}/work-packages/{childId}': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  'DELETE /api/programmes/{id}/work-packages/{childId}': 'A 401 404 403 403 204 | B 401 404 404 404 404',
  'POST /api/programmes/{id}/activities': 'A 401 404 403 403 201 | B 401 404 404 404 404',
  'PATCH /api/programmes/{id}/activities/{childId}': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  'DELETE /api/programmes/{id}/activities/{childId}': 'A 401 404 403 403 204 | B 401 404 404 404 404',
  // The partner may add a task it is Responsible for; the vendor is neither Responsible nor Accountable.
  'POST /api/programmes/{id}/tasks': 'A 401 404 403 201 201 | B 401 404 404 404 404',
  // The task chosen has the partner Responsible or Accountable, so it may change it.
  'PATCH /api/programmes/{id}/tasks/{childId}': 'A 401 404 403 200 200 | B 401 404 404 404 404',
  'DELETE /api/programmes/{id}/tasks/{childId}': 'A 401 404 403 403 204 | B 401 404 404 404 404',
  'POST /api/programmes/{id}/milestones': 'A 401 404 403 403 201 | B 401 404 404 404 404',
  'PATCH /api/programmes/{id}/milestones/{childId}': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  'DELETE /api/programmes/{id}/milestones/{childId}': 'A 401 404 403 403 204 | B 401 404 404 404 404',
  // Every member sees the budget page; amounts of others are hidden unless transparent (checked by the planted amount).
  'GET /api/programmes/{id}/budget': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  // Each member records its own budget lines; vendors have none.
  'POST /api/programmes/{id}/budget-lines': 'A 401 404 403 201 201 | B 401 404 404 404 404',
  // Another member's line while the budget is not transparent: not even shown to vendor and partner.
  'PATCH /api/programmes/{id}/budget-lines/{childId}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'DELETE /api/programmes/{id}/budget-lines/{childId}': 'A 401 404 404 404 204 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/agreement': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  // Managers change the agreement (sending the version they read).
  'PATCH /api/programmes/{id}/agreement': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  // The partner's own statement: only the partner may write it (sending the version it read); the manager may not write it for them.
  'PUT /api/programmes/{id}/agreement/statements/{organizationId}': 'A 401 404 403 200 403 | B 401 404 404 404 404',
  // Managers publish a version for sign-off.
  'POST /api/programmes/{id}/agreement/versions': 'A 401 404 403 403 201 | B 401 404 404 404 404',
  'POST /api/programmes/{id}/agreement/sign': 'A 401 404 403 201 201 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/agreement.html': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/agreement.pdf': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/team': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  // Each member adds its own people to the team.
  'POST /api/programmes/{id}/team': 'A 401 404 201 201 201 | B 401 404 404 404 404',
  'PATCH /api/programmes/{id}/team/{childId}': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  'DELETE /api/programmes/{id}/team/{childId}': 'A 401 404 403 403 204 | B 401 404 404 404 404',
  'GET /api/schemas/programme-bundle.json': 'A 200 200 200 200 200',
  'GET /api/programmes/{id}/bundle': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  // Not a bundle: refused as invalid before anything is stored.
  'POST /api/programmes/import': 'A 401 400 400 400 400',
  // Uploads are multipart or XML; a JSON body is refused by content type (415) for every signed-in user.
  'POST /api/iati/imports': 'A 401 415 415 415 415',
  'GET /api/iati/imports': 'A 401 200 200 200 200',
  // Imports are of public IATI data: any signed-in user follows them.
  'GET /api/iati/imports/{id}': 'A 401 200 200 200 200 | B 401 200 200 200 200',
  'GET /api/programmes/{id}/iati.xml': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'GET /api/iati/analysis/funding-flows': 'A 401 200 200 200 200',
  'GET /api/iati/analysis/co-participation': 'A 401 200 200 200 200',
  'GET /api/iati/analysis/localization': 'A 401 200 200 200 200',
  'GET /api/organizations/{id}/iati-profile': 'A 401 200 200 200 200 | B 401 200 200 200 200',
  'GET /api/knowledge/articles': 'A 401 200 200 200 200',
  'POST /api/knowledge/articles': 'A 401 201 201 201 201',
  // A: the lead's private article; B: B's lead's private article.
  'GET /api/knowledge/articles/{id}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'PATCH /api/knowledge/articles/{id}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'GET /api/knowledge/articles/{id}/versions': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'GET /api/knowledge/articles/{id}/versions/{language}/{number}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'GET /api/knowledge/articles/{id}/download': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'GET /api/networks': 'A 401 200 200 200 200',
  // The sample names the lead itself: only those who edit its profile (its own users) may mark it a network.
  'POST /api/networks': 'A 401 403 403 403 201',
  'GET /api/networks/{id}': 'A 401 200 200 200 200 | B 401 200 200 200 200',
  // A: the network the lead created (it edits its profile); the sample adds the lead, already a member (409).
  'POST /api/networks/{id}/members': 'A 401 403 403 403 409 | B 401 403 403 403 403',
  'PATCH /api/networks/{id}/members/{membershipId}': 'A 401 403 403 403 200 | B 401 403 403 403 403',
  'GET /api/organizations/{id}/memberships': 'A 401 200 200 200 200 | B 401 200 200 200 200',
  'GET /api/statements': 'A 401 200 200 200 200',
  'POST /api/statements': 'A 401 201 201 201 201',
  // A draft the lead and the partner are invited to sign: only the drafter, the secretariat and invited organizations see it.
  'GET /api/statements/{id}': 'A 401 404 404 200 200 | B 401 404 404 404 404',
  'GET /api/statements/{id}/versions': 'A 401 404 404 200 200 | B 401 404 404 404 404',
  'POST /api/statements/{id}/versions': 'A 401 404 404 200 200 | B 401 404 404 404 404',
  // Only the drafter or the network's secretariat invites; the lead and the partner are invitees.
  'POST /api/statements/{id}/invitations': 'A 401 404 404 403 403 | B 401 404 404 404 404',
  'POST /api/statements/{id}/response': 'A 401 404 404 200 200 | B 401 404 404 404 404',
  'POST /api/statements/{id}/publish': 'A 401 404 404 403 403 | B 401 404 404 404 404',
  'GET /api/strategy': 'A 401 200 200 200 200',
  // Each organization writes its own strategy (the manager sends the version of the lead's existing one).
  'PUT /api/strategy': 'A 401 200 200 200 200',
  'GET /api/organizations/{id}/strategy': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  // Organizations without a strategy yet are told to write one first (409).
  'POST /api/strategy/goals': 'A 401 409 409 409 201',
  // A: the lead's goal; B: B's lead's goal. Organizations without a strategy get 409 whichever goal they name (nothing about the goal is told); the manager, with a strategy, gets 404 for B's goal.
  'PATCH /api/strategy/goals/{id}': 'A 401 409 409 409 200 | B 401 409 409 409 404',
  'DELETE /api/strategy/goals/{id}': 'A 401 409 409 409 200 | B 401 409 409 409 404',
  'PUT /api/strategy/goals/{id}/programmes': 'A 401 409 409 409 200 | B 401 409 409 409 404',
  'GET /api/portfolio': 'A 401 200 200 200 200',
  'GET /api/stakeholders': 'A 401 200 200 200 200',
  'POST /api/stakeholders': 'A 401 201 201 201 201',
  // A: one of the lead's stakeholders (private to it); B: one of B's lead's.
  'PATCH /api/stakeholders/{id}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'GET /api/feedback': 'A 401 200 200 200 200',
  'POST /api/feedback': 'A 401 201 201 201 201',
  // A: the lead's feedback record; B: B's lead's.
  'GET /api/feedback/{id}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'PATCH /api/feedback/{id}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'GET /api/development': 'A 401 200 200 200 200',
  'GET /api/programmes/{id}/meetings': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'POST /api/programmes/{id}/meetings': 'A 401 404 201 201 201 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/meetings/{recordId}': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'PATCH /api/programmes/{id}/meetings/{recordId}': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  'DELETE /api/programmes/{id}/meetings/{recordId}': 'A 401 404 403 403 204 | B 401 404 404 404 404',
  'POST /api/programmes/{id}/meetings/{recordId}/actions': 'A 401 404 403 403 201 | B 401 404 404 404 404',
  'PATCH /api/programmes/{id}/meetings/{recordId}/actions/{actionId}': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/decisions': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'POST /api/programmes/{id}/decisions': 'A 401 404 201 201 201 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/decisions/{recordId}': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'PATCH /api/programmes/{id}/decisions/{recordId}': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  'DELETE /api/programmes/{id}/decisions/{recordId}': 'A 401 404 403 403 204 | B 401 404 404 404 404',
  // Each member organization enters its own desired involvement, vendors included.
  'PUT /api/programmes/{id}/decisions/{recordId}/desired': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'POST /api/programmes/{id}/decisions/{recordId}/contests': 'A 401 404 201 201 201 | B 401 404 404 404 404',
  // A contest entered by another partner: only its own organization withdraws it, managers included.
  'POST /api/programmes/{id}/decisions/{recordId}/contests/{contestId}/withdraw': 'A 401 404 403 403 403 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/interactions': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'POST /api/programmes/{id}/interactions': 'A 401 404 201 201 201 | B 401 404 404 404 404',
  'POST /api/programmes/{id}/interactions/batch': 'A 401 404 201 201 201 | B 401 404 404 404 404',
  // A CSV import: a JSON body is refused by content type (415) before the programme is looked up, on any programme id.
  'POST /api/programmes/{id}/interactions/import': 'A 401 415 415 415 415 | B 401 415 415 415 415',
  'GET /api/programmes/{id}/interactions/{recordId}': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  // An interaction recorded by the lead: only the lead (and managers) edit it.
  'PATCH /api/programmes/{id}/interactions/{recordId}': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  'DELETE /api/programmes/{id}/interactions/{recordId}': 'A 401 404 403 403 204 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/learning': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'POST /api/programmes/{id}/learning': 'A 401 404 201 201 201 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/learning/{recordId}': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  // The exchange chosen was recorded by the partner: it edits what it recorded.
  'PATCH /api/programmes/{id}/learning/{recordId}': 'A 401 404 403 200 200 | B 401 404 404 404 404',
  'DELETE /api/programmes/{id}/learning/{recordId}': 'A 401 404 403 204 204 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/ratings': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'POST /api/programmes/{id}/ratings': 'A 401 404 201 201 201 | B 401 404 404 404 404',
  'PATCH /api/programmes/{id}/ratings/{recordId}': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  'DELETE /api/programmes/{id}/ratings/{recordId}': 'A 401 404 403 403 204 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/log/participants': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/log/timeline': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/organizations/{orgId}/activity': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'GET /api/organizations/export': 'A 401 200 200 200 200',
  'POST /api/organizations/import': 'A 401 415 415 415 415',
  'GET /api/people/export': 'A 401 200 200 200 200',
  'POST /api/people/import': 'A 401 415 415 415 415',
  'GET /api/organizations': 'A 401 200 200 200 200',
  'POST /api/organizations': 'A 401 201 201 201 201',
  'GET /api/organizations/duplicate-candidates': 'A 401 200 200 200 200',
  'GET /api/organizations/duplicates': 'A 401 200 200 200 200',
  'GET /api/organizations/{id}': 'A 401 200 200 200 200 | B 401 200 200 200 200',
  'PATCH /api/organizations/{id}': 'A 401 403 403 403 200 | B 401 403 403 403 403',
  // The lead has users on this instance: its administrator is told it cannot be deleted (409).
  'DELETE /api/organizations/{id}': 'A 401 403 403 403 409 | B 401 403 403 403 403',
  // Not deleted: 409 for its administrator.
  'POST /api/organizations/{id}/restore': 'A 401 403 403 403 409 | B 401 403 403 403 403',
  // Only instance administrators merge.
  'POST /api/organizations/{id}/merge': 'A 401 403 403 403 403 | B 401 403 403 403 403',
  'GET /api/people': 'A 401 200 200 200 200',
  'POST /api/people': 'A 401 201 201 201 201',
  'GET /api/people/{id}': 'A 401 200 200 200 200 | B 401 200 200 200 200',
  // A: a person working for the lead; B: one working for B's lead.
  'PATCH /api/people/{id}': 'A 401 403 403 403 200 | B 401 403 403 403 403',
  'DELETE /api/people/{id}': 'A 401 403 403 403 200 | B 401 403 403 403 403',
  'POST /api/people/{id}/restore': 'A 401 403 403 403 409 | B 401 403 403 403 403',
  'GET /api/relationships': 'A 401 200 200 200 200',
  'POST /api/relationships': 'A 401 201 201 201 201',
  'GET /api/relationships/{id}': 'A 401 200 200 200 200 | B 401 200 200 200 200',
  // A: a relationship from the lead; B: one from B's lead. Relationships are public registry data, so 403 tells nothing new.
  'PATCH /api/relationships/{id}': 'A 401 403 403 403 200 | B 401 403 403 403 403',
  'DELETE /api/relationships/{id}': 'A 401 403 403 403 200 | B 401 403 403 403 403',
  'POST /api/relationships/{id}/restore': 'A 401 403 403 403 409 | B 401 403 403 403 403',
  'GET /api/relationships/{id}/notes': 'A 401 200 200 200 200 | B 401 200 200 200 200',
  // Private notes are each organization's own: anyone may write one about any relationship or organization.
  'POST /api/relationships/{id}/notes': 'A 401 201 201 201 201 | B 401 201 201 201 201',
  'GET /api/organizations/{id}/notes': 'A 401 200 200 200 200 | B 401 200 200 200 200',
  'POST /api/organizations/{id}/notes': 'A 401 201 201 201 201 | B 401 201 201 201 201',
  // A: the lead's private note; B: B's lead's.
  'PATCH /api/notes/{id}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'DELETE /api/notes/{id}': 'A 401 404 404 404 204 | B 401 404 404 404 404',
  'GET /api/appraisal-templates': 'A 401 200 200 200 200',
  'POST /api/appraisal-templates': 'A 401 201 201 201 201',
  'GET /api/appraisal-templates/{id}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'PATCH /api/appraisal-templates/{id}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'DELETE /api/appraisal-templates/{id}': 'A 401 404 404 404 204 | B 401 404 404 404 404',
  'POST /api/appraisal-templates/{id}/copy': 'A 401 404 404 404 201 | B 401 404 404 404 404',
  'GET /api/appraisals': 'A 401 200 200 200 200',
  // Every organization may appraise a candidate (here another partner) for itself.
  'POST /api/appraisals': 'A 401 201 201 201 201',
  // Candidates for programme A: its members compare them; the outsider does not see the programme.
  'GET /api/appraisals/compare': 'A 401 404 200 200 200',
  'GET /api/appraisals/{id}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'PATCH /api/appraisals/{id}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'DELETE /api/appraisals/{id}': 'A 401 404 404 404 204 | B 401 404 404 404 404',
  'POST /api/appraisals/{id}/decision': 'A 401 404 404 404 201 | B 401 404 404 404 404',
  // Files are multipart: a JSON body is refused by content type (415).
  'POST /api/appraisals/{id}/files': 'A 401 415 415 415 415 | B 401 415 415 415 415',
  // An evidence file of the lead's unshared appraisal; B: of B's lead's.
  'GET /api/appraisals/{id}/files/{fileId}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'DELETE /api/appraisals/{id}/files/{fileId}': 'A 401 404 404 404 204 | B 401 404 404 404 404',
  'GET /api/capacity-assessments/framework': 'A 401 200 200 200 200',
  'GET /api/capacity-assessments': 'A 401 200 200 200 200',
  'POST /api/capacity-assessments': 'A 401 201 201 201 201',
  // A: a partner's assessment of the lead, shared with it: the lead reads it but does not change or delete it (403).
  'GET /api/capacity-assessments/{id}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'PATCH /api/capacity-assessments/{id}': 'A 401 404 404 404 403 | B 401 404 404 404 404',
  'DELETE /api/capacity-assessments/{id}': 'A 401 404 404 404 403 | B 401 404 404 404 404',
  'GET /api/organizations/{id}/capacity-trend': 'A 401 200 200 200 200 | B 401 200 200 200 200',
  'GET /api/support-items': 'A 401 200 200 200 200',
  'GET /api/capacity-assessments/{id}/support-items': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'POST /api/capacity-assessments/{id}/support-items': 'A 401 404 404 404 403 | B 401 404 404 404 404',
  'GET /api/appraisals/{id}/support-items': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'POST /api/appraisals/{id}/support-items': 'A 401 404 404 404 201 | B 401 404 404 404 404',
  'PATCH /api/support-items/{id}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'DELETE /api/support-items/{id}': 'A 401 404 404 404 204 | B 401 404 404 404 404',
  'GET /api/survey-instruments': 'A 401 200 200 200 200',
  // Every organization may write its own instruments.
  'POST /api/survey-instruments': 'A 401 201 201 201 201',
  'GET /api/survey-instruments/{id}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  // A: the lead's own instrument; B: B's lead's.
  'PATCH /api/survey-instruments/{id}': 'A 401 404 404 404 200 | B 401 404 404 404 404',
  'GET /api/survey-rounds': 'A 401 200 200 200 200',
  'POST /api/survey-rounds': 'A 401 201 201 201 201',
  // A round of programme A run by the lead: members read it, only the organizer manages it.
  'GET /api/survey-rounds/{id}': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'POST /api/survey-rounds/{id}/close': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  'POST /api/survey-rounds/{id}/recipients': 'A 401 404 403 403 201 | B 401 404 404 404 404',
  'POST /api/survey-rounds/{id}/recipients/{recipientId}/link': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  'GET /api/survey-rounds/{id}/progress': 'A 401 404 403 403 200 | B 401 404 404 404 404',
  'GET /api/survey-rounds/{id}/results': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'GET /api/survey-rounds/{id}/results.csv': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  // Personal survey links are secrets: an unknown one answers 404 whoever asks.
  'GET /api/survey-answers/{token}': 'A 404 404 404 404 404 | B 404 404 404 404 404',
  'POST /api/survey-answers/{token}': 'A 404 404 404 404 404 | B 404 404 404 404 404',
  'PUT /api/survey-answers/{token}/draft': 'A 404 404 404 404 404 | B 404 404 404 404 404',
  'GET /api/programmes/{id}/authenticity': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/authenticity/trend': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/authenticity/evidence': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'GET /api/authenticity/portfolio': 'A 401 200 200 200 200',
  'GET /api/settings/authenticity-thresholds': 'A 401 200 200 200 200',
  // Instance administrators only.
  'PUT /api/settings/authenticity-thresholds': 'A 401 403 403 403 403',
  'GET /api/settings/authenticity-thresholds/defaults': 'A 401 200 200 200 200',
  // Every signed-in user reads the audit entries of what they may see (checked by the planted secrets).
  'GET /api/audit': 'A 401 200 200 200 200',
  'GET /api/programmes/{id}/report.html': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  'GET /api/programmes/{id}/report.pdf': 'A 401 404 200 200 200 | B 401 404 404 404 404',
  // The budget-lines export: the planted amount of another member must not appear for vendor and partner.
  'GET /api/exports/{list}': 'A 401 200 200 200 200',
};
