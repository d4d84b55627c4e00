// What the name model gets wrong that the words around a name show (issue #5), put right before the
// document pass counts names: mentions that name nobody (a description: "خبير استراتيجي", an
// occupation and its adjective; a verb with a pronoun suffix: "وفّرنا"; a list line's label and the
// common words it lists: "Tags: Transport, City Council, Cycling"; a line of common words only: "Contact
// Us"), and the type of a name that an apposition states ("Mer Vivante, a campaign group").
#pragma once

#include <string_view>
#include <vector>

#include "entities/ner.h"
#include "text/tokens.h"

namespace maqal::entities {

// A line that lists items after a label: at most three words, a colon, then at least three items of
// one to four words or numbers separated by commas (or ، ; |). Out of a sentence, capitalized items
// look like names to the model, so its names there say little of what the words are elsewhere.
bool list_line(const text::Tokens& tokens);

// Whether a word (or its stem) is a function word: an article, preposition, pronoun, auxiliary…
// (core/lang/*/function_words.tsv). A one-word name of one is the model's mistake.
bool function_word(const text::Token& t);

// A mention of acronyms and short forms of common nouns only (terms.tsv, as written: "AI", "SaaS"):
// no name, however the document pass came to it.
bool common_terms_only(std::string_view text, const text::Tokens& tokens, const ner::Mention& m);

// One letter alone names no person, place or thing (commits "A ← B ← C", "Wolfe, D"), though it may name an
// organization ("X", the platform). Asked once the document pass has joined initials to their names.
bool letter_alone(const text::Tokens& tokens, const ner::Mention& m);

// A comma (also Arabic), semicolon (also Arabic) or bar: what separates a list's items.
bool separator(const text::Token& t);

// Cuts s.mentions at punctuation no name holds (a bracket, a quotation mark, a comma: not "&-.'") and
// before lower-case words that would end them ("Lady Gaga sang"), then drops from them: a mention of
// function words only, none written as an acronym ("But I"; not "US"); one common English word, no
// name too, opening a sentence ("Finally"); a title or occupation word (titles.tsv) followed only by
// nisba adjectives of its definiteness (core/lang/ar/descriptions.tsv); a mention opened by a perfect
// verb with a pronoun suffix; one noun for a kind of thing (appositions.tsv, name_heads.tsv "quoted":
// "فيلم", which the model took for a person in one article and spread); in a list line, the label before the colon and a one-word item that the English word list
// has as a common word (dictionary.h: "Transport", not "Maria"); a mention that is the whole line, its
// words all listed in lower case (a menu item or heading: "Privacy Policy", "Read More").
void drop_false_names(ner::Sequence& s);

// Whether a block of this role capitalizes words by style (headlines, bylines, link lists), so
// that its capitals are no evidence of names.
bool capitalized_by_style(std::string_view role);

// Whether a line is written in title case, as a heading is whatever role it got ("Protect Your Data
// with Encryption"): twelve words at most, three or more of four letters or more that are no function
// words, every one of them capitalized, and no sentence's end inside or after them. Its capitals are
// style too.
bool title_cased(std::string_view text, const text::Tokens& tokens);

// In styled sequences (capitalized_by_style()), drops the names made only of common English words,
// one at least not a name as well (dictionary.h: "Harbour city opens …", "By Helen Marsh, Environment
// correspondent", "More Event Data Collection"; not "Bill Gates", nor a name its head types: "North
// Sea"), unless running text elsewhere in the document names them too.
void drop_styled_common_words(std::vector<ner::Sequence>& document);

// Drops a one-word name opening a sentence, listed as a common English word (maybe as a name too:
// dictionary.h), that the document also writes in lower case and never names inside a sentence:
// "Prices fell sharply." beside "the prices of food".
void drop_sentence_openers_written_lower(std::vector<ner::Sequence>& document);

// A noun for a kind of thing that names stand by (name_heads.tsv "quoted" words, appositions.tsv
// nouns: "برنامجا", "شركة", "company"): no end of a person's name, and no name by itself.
bool kind_noun(const text::Token& t);

// A company's legal form ending its name (name_heads.tsv rows marked "legal": "Inc", "plc").
bool legal_form(const text::Token& t);

// A nisba adjective: a word of four letters or more with its ending (descriptions.tsv: "السياسي",
// "التركمانية"), which describes rather than names.
bool nisba(const text::Token& t);

// The folded word of name_heads.tsv that opens (start rows: "بنك", "جامعة", "وزارة") or closes (end
// rows: "senate", "police") an organization's name alone that the token is, with or without a clitic
// written onto it; empty when none.
enum class NameEdge { start, end };
std::string_view organization_head(const text::Token& t, NameEdge edge = NameEdge::start);

// A name whose first or last words say what it is (core/lang/*/name_heads.tsv: "Stanford University",
// "Ministry of Defence", "وزارة الخارجية"; a start phrase of several words after its place too:
// "Massachusetts Institute of Technology"), or a place's head word right before it ("نهر | الليطاني"),
// takes that type; a team is ORG: a place the masculine of a nationality adjective follows (compose.h
// team_adjective(): "هامبورغ الألماني"), a place or MISC name before its country in brackets ("بنفيكا
// ( البرتغال )") or, no country itself, before a score.
void type_by_head(ner::Sequence& s);

// A word that opens a football club's name (name_heads.tsv "club" rows: "دينامو", "ستيوا") and the
// place after it are one organization ("دينامو كييف", where the model found a word and a city), when
// the place is a name the model found, or a word it never saw after a club's word it took for a name.
void join_club_names(ner::Sequence& s);

// A quoted title of up to six words right after a word for a work, or one word further ("برنامج
// « الناس وأنا »", "رواية « أولاد حارتنا »", "المسلسل التليفزيوني « …»"; name_heads.tsv "quoted"
// rows), is a name of that type, whatever the model made of its words.
void name_quoted_titles(ner::Sequence& s);

// A person's name the model began at the family name, the word before it a given name ("باسم |
// محفوظ", "فاطمة | ابراهيمي"), or ended after a given name alone, the word after it one the model never
// saw ("لويس | ساها"): that word is part of the name.
void grow_persons_by_given_names(ner::Sequence& s);

// A present-tense verb that opens a predicate (core/lang/*/verbs.tsv) ends a name before it ("محمد
// صلاح | يقود", "الشيخ تميم | يتلقى"), as a word for a day before a date does ("عبدالله | يوم
// الأحد"); a word the model never saw opening a line, or a line's part
// after a colon, right before such a verb whose subject is "he" is a person ("بايدن يعلن …"): the
// headline's subject.
void name_subjects_of_verbs(ner::Sequence& s);

// A name right after a title or occupation with the article is a person ("للحارس هيلتون", which the
// model took for the hotels; in ANERcorp's training part 176 names of 178), unless its own words say
// otherwise (type_by_head()); so is one after the masculine of a nationality with the article, a
// player's ("والبرتغالي تياغو"; 178 of 195), unless the model found a place, or the name opens with
// "و" (the others: "الإسباني وفنربغشة", "الفرنسي بباريس").
void type_persons_after_titles_or_nationalities(ner::Sequence& s);

// A word the model never saw right after a noun that says what a name is (appositions.tsv, without
// the article: "شركة سياك", "صحيفة معاريف") is such a name, where the model found none; after the
// nouns whose names carry the article, a word with it too ("نادي الشباب").
void name_after_descriptors(ner::Sequence& s);

// A word outside any name, no function word, before a country's name alone in brackets is a club in
// a table of results ("ليل ( فرنسا )", which the model took for the word "night"; type_by_head()).
void name_clubs_before_countries(ner::Sequence& s);

// A club whose name is a common word or a place (core/lang/*/clubs.tsv: "الهلال", "الشباب") in a
// match's frame is the club, and then wherever the document writes it: after a noun of the game or a
// match's verb ("مدرب الهلال", "فاز الشباب"), after a preposition following one ("خسر الهلال أمام
// الاتحاد"), before a verb or a score, or joined by "و" to a club ("الهلال والنصر").
void name_clubs_in_match_frames(std::vector<ner::Sequence>& document);

// A name the document introduces with an apposition that says what it is ("Mer Vivante, a campaign
// group that …": core/lang/*/appositions.tsv) takes that type wherever the document writes it.
void type_by_apposition(std::vector<ner::Sequence>& document);

}  // namespace maqal::entities
