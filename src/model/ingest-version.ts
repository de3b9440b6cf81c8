/**
 * The version of what the report pipeline (parsers and classifiers together) makes of a file.
 * A report loaded by an earlier version is parsed and loaded again by the next ingest instead of
 * being skipped as unchanged, so a fix to reading reaches graphs built before it without `--force`.
 * Bump it whenever any parser or classifier gives different output for the same file.
 *
 * 3: repeat statements carry the citations of their own sentence (STATED_REPEAT evidence);
 *    prosecutions, simple cautions and fixed penalty notices are enforcement of type prosecution;
 *    CQC text names regulations by title ("breaches in relation to safe care and treatment").
 * 4: classifier version 2: boilerplate findings, themes by family and section context with a
 *    confidence, the learned theme model.
 * 5: the visits of an inspection split over several are written to the graph.
 * 6: themes as the labelling guide reads them: a long text gets every theme one of its sentences
 *    speaks of (no spread rule, no dominant-themes step), new cues and negative cues, the model
 *    retrained. From this version the classifiers' version (CLASSIFIER_VERSION) is this number.
 *    Reports carry a readingKey, CQC API findings a JSON pointer, and a CQC full report that
 *    prints no location id is keyed by its name and address.
 * 7: the sentences around each finding, requirement, recommendation and enforcement item are
 *    kept (ReportSentences, contextWindow) for `source { context }`. Also: the theme model combines with the rules per report family (the file's `families`: the
 *    probability at which it adds a theme, the one under which it drops a theme the rules tag),
 *    chosen by cross-validation on the labelled set's development part; the model retrained.
 * 8: a weak theme cue counts once in a sentence however often it fires, as the rule says ("two
 *    different weak cues"): "staff ... staff" is no longer a staffing tag in CQC text; the model
 *    retrained.
 * 9: theme cues from the labelled set's larger development part (area SEND: contributions from
 *    health and social care and working closely are partnership working, short breaks and
 *    identifying needs care planning, access to services timeliness; local-authority reports:
 *    homeless 16- and 17-year-olds and foster carer recruitment care planning, workforce
 *    capacity staffing, tracking arrangements governance); the model retrained on 602 findings.
 * 10: theme negative cues from the development part's extra tags: local-authority notifications
 *    (private fostering, police) are not governance, demand on a service is not access, a child's
 *    best interests are not dignity, cultural reform is not culture, "told inspectors" is no voice
 *    cue; in area SEND reports a child's equipment is not premises, accurate or up-to-date
 *    information is not records, inclusion is not dignity, working in partnership with parents is
 *    not partnership working, and "need to" is not a child's needs; the model retrained on 661
 *    development findings.
 */
export const INGEST_VERSION = '10';
