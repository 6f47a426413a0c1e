#include "eval/injection.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "core/ud.h"
#include "text/text.h"

namespace crosscheck::eval {
namespace {

// Synthetic articles with hand-made extract and syntax layers, so that the tests exercise the
// injection mechanism itself, whatever the trained models find.
Document article(const std::string& id, const std::string& text, int copy_group = -1) {
  Document doc;
  doc.id = id;
  doc.text = normalize(text);
  annotate_text(doc);
  doc.copy_group = copy_group;
  return doc;
}

Span where(const Document& doc, std::string_view written, size_t from = 0) {
  const size_t at = doc.text.find(written, from);
  EXPECT_NE(at, std::string::npos) << written;
  if (at == std::string::npos) return {};
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + written.size())};
}

void add_quantity(Document& doc, std::string_view written, double value, const std::string& noun,
                  Bound bound = Bound::kExact) {
  Quantity q;
  q.span = where(doc, written);
  q.sentence = doc.sentence_at(q.span.start);
  q.value = q.low = q.high = value;
  q.bound = bound;
  q.noun = noun;
  doc.quantities.push_back(q);
}

void add_timex(Document& doc, std::string_view written, const std::string& value,
               TimeGranularity granularity, int weekday = -1) {
  Timex t;
  t.span = where(doc, written);
  t.sentence = doc.sentence_at(t.span.start);
  t.value = value;
  t.granularity = granularity;
  t.weekday = weekday;
  if (granularity == TimeGranularity::kDay) t.first_day = t.last_day = value;
  if (granularity == TimeGranularity::kYear) {
    t.first_day = value + "-01-01";
    t.last_day = value + "-12-31";
  }
  doc.timexes.push_back(t);
}

void add_mention(Document& doc, std::string_view written, EntityType type, const std::string& key,
                 std::string_view role = {}) {
  Mention m;
  m.span = where(doc, written);
  m.sentence = doc.sentence_at(m.span.start);
  m.type = type;
  m.key = key;
  if (!role.empty()) {
    m.role_span = where(doc, role);
    m.role = std::string(role);
  }
  doc.mentions.push_back(m);
}

Token& token(Document& doc, std::string_view written, size_t from = 0) {
  const Span span = where(doc, written, from);
  for (Token& t : doc.tokens)
    if (t.span == span) return t;
  ADD_FAILURE() << "no token " << written;
  return doc.tokens.front();
}

// Every word a content noun depending on the verb, the verb the root; `helpers` are auxiliaries.
void parse(Document& doc, uint32_t sentence, std::string_view verb, const std::string& xpos,
           const std::string& lemma, const std::vector<std::string>& helpers = {}) {
  const Span span = doc.sentences[sentence].span;
  Token& root = token(doc, verb, span.start);
  const int32_t root_index = static_cast<int32_t>(&root - doc.tokens.data());
  for (Token& t : doc.tokens) {
    if (t.sentence != sentence) continue;
    t.upos = t.shape == TokenShape::kWord ? Upos::kNoun : Upos::kPunct;
    t.head = root_index;
  }
  root.upos = Upos::kVerb;
  root.head = -1;
  root.lemma = lemma;
  root.xpos = xpos_tag_from_name(xpos);
  root.morph.verb_form = VerbForm::kFin;
  for (const std::string& helper : helpers) {
    Token& aux = token(doc, helper, span.start);
    aux.upos = Upos::kAux;
    aux.deprel = deprel_from_name("aux");
  }
}

std::string edited(const Document& doc, const Rewrite& rewrite) {
  return apply_rewrite(doc.text, rewrite);
}

TEST(Injection, NumberAnchorNeedsTheSameCountInSentencesThatAlign) {
  std::vector<Document> docs = {
      article("a", "Storms hit the coast. Officials said 35 people died when the dam failed."),
      article("b", "When the old dam failed, 35 people died, officials said on the radio."),
      article("c", "A concert drew 35 people to the town square on a quiet evening.")};
  add_quantity(docs[0], "35", 35, "people");
  add_quantity(docs[1], "35", 35, "people");
  add_quantity(docs[2], "35", 35, "people");
  std::vector<Anchor> anchors = find_anchors(docs, Detail::kNumber);
  ASSERT_EQ(anchors.size(), 1u);
  EXPECT_EQ(anchors[0].article[0], 0u);
  EXPECT_EQ(anchors[0].article[1], 1u);
  EXPECT_EQ(anchors[0].sentence[0], 1u);
  EXPECT_EQ(docs[0].slice(anchors[0].detail[0]), "35");
  EXPECT_GE(anchors[0].shared, 3);
  // Copies of one article are not independent sources.
  docs[0].copy_group = docs[1].copy_group = 0;
  EXPECT_TRUE(find_anchors(docs, Detail::kNumber).empty());
}

TEST(Injection, NumberAnchorNeedsTheSameCountedNounAndExactValues) {
  std::vector<Document> docs = {
      article("a", "The company will cut 1,200 jobs at its plant in the north."),
      article("b", "At its plant in the north the company will cut 1,200 workers."),
      article("c", "The company will cut at least 1,200 jobs at its northern plant.")};
  add_quantity(docs[0], "1,200", 1200, "jobs");
  add_quantity(docs[1], "1,200", 1200, "workers");
  add_quantity(docs[2], "at least 1,200", 1200, "jobs", Bound::kAtLeast);
  EXPECT_TRUE(find_anchors(docs, Detail::kNumber).empty());
  // A bare year read as a count is no number anchor; the same value with a comma is.
  std::vector<Document> years = {article("y", "Britain fought its 1982 war against Argentina at sea."),
                                 article("z", "At sea Britain fought its 1982 war against Argentina.")};
  add_quantity(years[0], "1982", 1982, "war");
  add_quantity(years[1], "1982", 1982, "war");
  EXPECT_TRUE(find_anchors(years, Detail::kNumber).empty());
  std::vector<Document> counts = {article("y", "Police counted 1,982 protesters at the square."),
                                  article("z", "At the square police counted 1,982 protesters.")};
  add_quantity(counts[0], "1,982", 1982, "protesters");
  add_quantity(counts[1], "1,982", 1982, "protesters");
  EXPECT_EQ(find_anchors(counts, Detail::kNumber).size(), 1u);
}

TEST(Injection, NumberContradictionsAreClearlyDifferentAndKeepTheWriting) {
  struct Case {
    std::string text, written;
    double value;
  };
  const std::vector<Case> cases = {{"Rebels freed 1,200 prisoners from the jail.", "1,200", 1200},
                                   {"The bill costs $4.5 billion over ten years.", "$4.5 billion", 4.5e9},
                                   {"Voters elected 12 new members of the council.", "12", 12},
                                   {"Only 2 ships reached the port that week.", "2", 2}};
  RewritePools pools;
  pools.finish();
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    for (const Case& c : cases) {
      std::vector<Document> docs = {article("a", c.text)};
      add_quantity(docs[0], c.written, c.value, "thing");
      Anchor anchor;
      anchor.kind = Detail::kNumber;
      anchor.detail[0] = docs[0].quantities[0].span;
      Random random(seed);
      auto rewrite = contradict(docs, anchor, pools, "g", random);
      ASSERT_TRUE(rewrite) << c.text;
      EXPECT_FALSE(rewrite->control);
      EXPECT_TRUE(docs[0].quantities[0].span.contains(rewrite->span));
      std::string digits;
      for (char ch : rewrite->replacement)
        if (ch != ',') digits.push_back(ch);
      const double before = std::stod(std::string(docs[0].slice(rewrite->span)) == "1,200"
                                          ? "1200"
                                          : std::string(docs[0].slice(rewrite->span)));
      const double after = std::stod(digits);
      EXPECT_TRUE(after >= 2 * before || after >= before + 4) << c.text << " -> " << after;
      if (c.written == "1,200") {
        EXPECT_NE(rewrite->replacement.find(','), std::string::npos);
      }
      if (c.written == "$4.5 billion") {
        EXPECT_NE(rewrite->replacement.find('.'), std::string::npos);
      }
    }
  }
}

TEST(Injection, NumberControlsKeepTheValueCompatible) {
  std::vector<Document> learn = {article("l", "They found seven bodies. Eleven boats sank.")};
  add_quantity(learn[0], "seven", 7, "bodies");
  add_quantity(learn[0], "Eleven", 11, "boats");
  RewritePools pools;
  pools.learn(learn, "other");
  pools.finish();
  ASSERT_NE(pools.number_word(7), nullptr);
  EXPECT_EQ(*pools.number_word(7), "seven");

  std::vector<Document> docs = {article("a", "Police arrested 7 men. The fire destroyed 1,200 homes "
                                             "and 298 cars.")};
  add_quantity(docs[0], "7", 7, "men");
  add_quantity(docs[0], "1,200", 1200, "homes");
  add_quantity(docs[0], "298", 298, "cars");
  std::set<std::string> seen;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    for (const Quantity& q : docs[0].quantities) {
      Anchor anchor;
      anchor.detail[0] = q.span;
      Random random(seed);
      auto rewrite = preserve(docs, anchor, pools, random);
      ASSERT_TRUE(rewrite);
      EXPECT_TRUE(rewrite->control);
      seen.insert(rewrite->replacement);
    }
  }
  EXPECT_TRUE(seen.count("seven"));
  EXPECT_TRUE(seen.count("1200"));
  EXPECT_TRUE(seen.count("about 300"));
  EXPECT_TRUE(seen.count("at least 290"));
  EXPECT_TRUE(seen.count("about 1,200"));
  EXPECT_EQ(seen.size(), 6u);  // seven; 1200, about 1,200, at least 1,100; about 300, at least 290
}

TEST(Injection, DateAnchorsContradictionsAndControls) {
  std::vector<Document> learn = {
      article("l", "It opened on march 3, 2019. It closed on friday. Talks began in may 2020.")};
  add_timex(learn[0], "march 3, 2019", "2019-03-03", TimeGranularity::kDay);
  add_timex(learn[0], "friday", "2019-03-08", TimeGranularity::kDay, 4);
  add_timex(learn[0], "may 2020", "2020-05", TimeGranularity::kMonth);
  RewritePools pools;
  pools.learn(learn, "other");
  pools.finish();
  ASSERT_NE(pools.month_word(3), nullptr);
  EXPECT_EQ(*pools.month_word(3), "march");
  ASSERT_NE(pools.weekday_word(4), nullptr);

  std::vector<Document> docs = {
      article("a", "The ministers signed the trade treaty in Geneva on March 3, 2019."),
      article("b", "On 3 March the ministers signed the trade treaty in Geneva.")};
  add_timex(docs[0], "March 3, 2019", "2019-03-03", TimeGranularity::kDay);
  add_timex(docs[1], "3 March", "2019-03-03", TimeGranularity::kDay);
  std::vector<Anchor> anchors = find_anchors(docs, Detail::kDate);
  ASSERT_EQ(anchors.size(), 1u);
  Random random(3);
  auto change = contradict(docs, anchors[0], pools, "g", random);
  ASSERT_TRUE(change);
  EXPECT_EQ(docs[0].slice(change->span), "3");
  EXPECT_NE(change->replacement, "3");
  auto control = preserve(docs, anchors[0], pools, random);
  ASSERT_TRUE(control);
  EXPECT_EQ(edited(docs[0], *control),
            "The ministers signed the trade treaty in Geneva on 3 March, 2019.");
  auto back = preserve(docs, swapped(anchors[0]), pools, random);
  ASSERT_TRUE(back);
  EXPECT_EQ(edited(docs[1], *back), "On March 3 the ministers signed the trade treaty in Geneva.");

  // A year alone changes its year; a weekday becomes another weekday when both are known.
  std::vector<Document> years = {article("y", "The war ended in 1998 after long talks.")};
  add_timex(years[0], "1998", "1998", TimeGranularity::kYear);
  Anchor year;
  year.kind = Detail::kDate;
  year.detail[0] = years[0].timexes[0].span;
  auto other_year = contradict(years, year, pools, "g", random);
  ASSERT_TRUE(other_year);
  const int shifted_year = std::stoi(other_year->replacement);
  EXPECT_NE(shifted_year, 1998);
  EXPECT_LE(std::abs(shifted_year - 1998), 3);
}

TEST(Injection, RolesComeFromOtherClustersAndAbbreviationsAreLearned) {
  std::vector<Document> one = {article("x", "Senator Ann Lee spoke. Sen. Bo Kim voted. Governor Al Poe won.")};
  add_mention(one[0], "Ann Lee", EntityType::kPerson, "ann lee", "Senator");
  add_mention(one[0], "Bo Kim", EntityType::kPerson, "bo kim", "Sen.");
  add_mention(one[0], "Al Poe", EntityType::kPerson, "al poe", "Governor");
  std::vector<Document> two = {article("y", "Governor Ed Roe and Senator Jo Fox met the mayor.")};
  add_mention(two[0], "Ed Roe", EntityType::kPerson, "ed roe", "Governor");
  add_mention(two[0], "Jo Fox", EntityType::kPerson, "jo fox", "Senator");
  RewritePools pools;
  pools.learn(one, "one");
  pools.learn(two, "two");
  pools.finish();
  ASSERT_NE(pools.role_variant("Sen."), nullptr);
  EXPECT_EQ(*pools.role_variant("Sen."), "senator");
  EXPECT_EQ(*pools.role_variant("senator"), "sen.");
  EXPECT_EQ(pools.role_variant("governor"), nullptr);

  std::vector<Document> docs = {
      article("a", "Minister Rosa Diaz announced the new budget for schools today."),
      article("b", "The new budget for schools was announced by Minister Rosa Diaz.")};
  add_mention(docs[0], "Rosa Diaz", EntityType::kPerson, "rosa diaz", "Minister");
  add_mention(docs[1], "Rosa Diaz", EntityType::kPerson, "rosa diaz", "Minister");
  std::vector<Anchor> anchors = find_anchors(docs, Detail::kRole);
  ASSERT_EQ(anchors.size(), 1u);
  Random random(9);
  auto change = contradict(docs, anchors[0], pools, "three", random);
  ASSERT_TRUE(change);
  EXPECT_TRUE(change->replacement == "Governor" || change->replacement == "Senator")
      << change->replacement;
  EXPECT_EQ(docs[0].slice(change->span), "Minister");
  // A cluster that already names every known office gets no replacement.
  EXPECT_FALSE(contradict(docs, anchors[0], pools, "one", random));
}

TEST(Injection, PlacesComeFromOtherClustersAndAvoidTheClustersOwn) {
  std::vector<Document> elsewhere = {article("x", "Floods reached Lagos and then Nairobi and Lima.")};
  add_mention(elsewhere[0], "Lagos", EntityType::kPlace, "lagos");
  add_mention(elsewhere[0], "Nairobi", EntityType::kPlace, "nairobi");
  add_mention(elsewhere[0], "Lima", EntityType::kPlace, "lima");
  RewritePools pools;
  pools.learn(elsewhere, "x");
  pools.finish();
  std::vector<Document> docs = {
      article("a", "The summit of northern leaders opened in Lima on a rainy morning."),
      article("b", "On a rainy morning the summit of northern leaders opened in Lima.")};
  add_mention(docs[0], "Lima", EntityType::kPlace, "lima");
  add_mention(docs[1], "Lima", EntityType::kPlace, "lima");
  std::vector<Anchor> anchors = find_anchors(docs, Detail::kPlace);
  ASSERT_EQ(anchors.size(), 1u);
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    Random random(seed);
    auto change = contradict(docs, anchors[0], pools, "here", random);
    ASSERT_TRUE(change);
    EXPECT_TRUE(change->replacement == "Lagos" || change->replacement == "Nairobi")
        << change->replacement;
  }
}

TEST(Injection, PolarityNegatesTheMainVerbAndControlsUsePerfectAspect) {
  std::vector<Document> docs = {
      article("a", "The union rejected the offer from the airline on Monday."),
      article("b", "On Monday the union rejected the airline's offer."),
      article("c", "The council has approved the plan for the new bridge."),
      article("d", "The plan for the new bridge has been approved by the council.")};
  parse(docs[0], 0, "rejected", "VBD", "reject");
  parse(docs[1], 0, "rejected", "VBD", "reject");
  parse(docs[2], 0, "approved", "VBN", "approve", {"has"});
  parse(docs[3], 0, "approved", "VBN", "approve", {"has", "been"});
  std::vector<Anchor> anchors = find_anchors(docs, Detail::kPolarity);
  ASSERT_EQ(anchors.size(), 2u);
  RewritePools pools;
  pools.finish();
  Random random(1);
  for (const Anchor& anchor : anchors) {
    auto change = contradict(docs, anchor, pools, "g", random);
    ASSERT_TRUE(change);
    const std::string text = edited(docs[anchor.article[0]], *change);
    if (anchor.article[0] == 0)
      EXPECT_EQ(text, "The union did not reject the offer from the airline on Monday.");
    else
      EXPECT_EQ(text, "The council has not approved the plan for the new bridge.");
  }
  const Anchor& past = anchors[0].article[0] == 0 ? anchors[0] : anchors[1];
  auto control = preserve(docs, past, pools, random);
  ASSERT_TRUE(control);
  EXPECT_EQ(edited(docs[0], *control), "The union has rejected the offer from the airline on Monday.");
  // An irregular verb takes the participle the articles write for its lemma.
  std::vector<Document> learn = {article("l", "She has written two books.")};
  parse(learn[0], 0, "written", "VBN", "write", {"has"});
  pools.learn(learn, "other");
  pools.finish();
  std::vector<Document> wrote = {article("w", "The minister wrote a letter to the board."),
                                 article("v", "A letter to the board was what the minister wrote.")};
  parse(wrote[0], 0, "wrote", "VBD", "write");
  parse(wrote[1], 0, "wrote", "VBD", "write");
  std::vector<Anchor> wrote_anchors = find_anchors(wrote, Detail::kPolarity);
  ASSERT_EQ(wrote_anchors.size(), 1u);
  auto perfect = preserve(wrote, wrote_anchors[0], pools, random);
  ASSERT_TRUE(perfect);
  EXPECT_EQ(edited(wrote[0], *perfect), "The minister has written a letter to the board.");
  // A negated sentence is no polarity anchor.
  std::vector<Document> negative = {article("e", "The union did not reject the offer today."),
                                    article("f", "The union rejected the offer today.")};
  parse(negative[0], 0, "reject", "VB", "reject", {"did"});
  token(negative[0], "not").morph.negative = true;
  parse(negative[1], 0, "rejected", "VBD", "reject");
  EXPECT_TRUE(find_anchors(negative, Detail::kPolarity).empty());
}

TEST(Injection, RewriteIsByteExactAndSentencesShift) {
  Rewrite grow;
  grow.span = {10, 12};
  grow.replacement = "1,234";
  const std::string text = "abcdefghi 35 people. Next one.";
  EXPECT_EQ(apply_rewrite(text, grow), "abcdefghi 1,234 people. Next one.");
  EXPECT_EQ(shifted({0, 20}, grow), (Span{0, 23}));   // contains the edit
  EXPECT_EQ(shifted({21, 30}, grow), (Span{24, 33}));  // after it
  EXPECT_EQ(shifted({0, 5}, grow), (Span{0, 5}));      // before it
  Rewrite insert;
  insert.span = {9, 9};
  insert.replacement = " not";
  EXPECT_EQ(apply_rewrite(text, insert), "abcdefghi not 35 people. Next one.");
  EXPECT_EQ(shifted({0, 20}, insert), (Span{0, 24}));
  Rewrite outside;
  outside.span = {40, 45};
  EXPECT_EQ(apply_rewrite(text, outside), text);
}

TEST(Injection, DetectionNeedsBothSidesCitedInTheirArticles) {
  auto cite = [](const std::string& article, uint32_t start, uint32_t end) {
    Cite c;
    c.article = article;
    c.start = start;
    c.end = end;
    return c;
  };
  Conflict conflict;
  conflict.sides.resize(2);
  conflict.sides[0].cites = {cite("a", 30, 40)};
  conflict.sides[1].cites = {cite("b", 100, 120)};
  EXPECT_TRUE(conflict_joins(conflict, "a", {0, 35}, "b", {90, 101}));
  EXPECT_TRUE(conflict_joins(conflict, "b", {90, 101}, "a", {0, 35}));
  EXPECT_FALSE(conflict_joins(conflict, "a", {0, 30}, "b", {90, 101}));  // touching, no overlap
  EXPECT_FALSE(conflict_joins(conflict, "a", {0, 35}, "c", {90, 101}));
  EXPECT_FALSE(conflict_joins(conflict, "a", {0, 35}, "a", {0, 35}));  // one side only
  EXPECT_TRUE(conflict_touches(conflict, "b", {119, 200}));
  EXPECT_FALSE(conflict_touches(conflict, "b", {120, 200}));
}

}  // namespace
}  // namespace crosscheck::eval
