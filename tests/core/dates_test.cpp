// Relative dates and weekdays anchored to the date of the article they stand in (entities/anchor_dates).
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "maqal/maqal.h"

namespace {

// The norms of a parse's DATE entities, as (text, norm) pairs in order.
std::vector<std::pair<std::string, std::string>> dates_of(const maqal::Result& r) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : r.entities)
    if (e.type == "DATE") out.emplace_back(e.text, e.norm);
  return out;
}

using Dates = std::vector<std::pair<std::string, std::string>>;

TEST(AnchorDates, RelativeDatesAndWeekdaysTakeTheDatelinesDate) {
  // 14 March 2024 was a Thursday.
  const maqal::Result r = maqal::parse_text(
      "Harbour plan goes to a vote\nMarch 14, 2024\n"
      "The council met on Tuesday, after talks yesterday and last week. The mayor will answer next Friday, "
      "and the vote is set for next month. Work began last year, and on Thursday the plan was printed.\n");
  EXPECT_EQ(dates_of(r), (Dates{{"March 14, 2024", "2024-03-14"},
                                {"Tuesday", "2024-03-12"},
                                {"yesterday", "2024-03-13"},
                                {"last week", "2024-W10"},
                                {"Friday", "2024-03-15"},  // "next" before it: the week ahead
                                {"next month", "2024-04"},
                                {"last year", "2023"},
                                {"Thursday", "2024-03-14"}}));
}

TEST(AnchorDates, ArabicWeekdaysLookAheadAfterAWordOfTheFuture) {
  const maqal::Result r = maqal::parse_text(
      "الحكومة تعلن خطة جديدة لدعم المزارعين\n١٣ مارس ٢٠٢٤\n"
      "أعلنت الوزارة أمس أن الوزير سيزور القاهرة يوم الجمعة المقبلة، بعد اجتماع عقد يوم الأحد في الوزارة.\n");
  EXPECT_EQ(dates_of(r), (Dates{{"١٣ مارس ٢٠٢٤", "2024-03-13"},
                                {"أمس", "2024-03-12"},
                                {"الجمعة", "2024-03-15"},
                                {"الأحد", "2024-03-10"}}));
}

// A month without its year takes one from a word saying it is the last or the next ("أكتوبر/تشرين
// الأول الماضي", both calendars' names one date; "next March"); without such a word its year stays unknown.
TEST(AnchorDates, MonthsSaidToBeTheLastOrTheNextTakeTheirYear) {
  const maqal::Result r = maqal::parse_text(
      "البنك المركزي يثبت أسعار الفائدة\n21/11/2024\n"
      "تراجع التضخم إلى 26.5% في أكتوبر/تشرين الأول الماضي، وارتفع في نوفمبر الماضي، وينتظر المحللون مارس المقبل. "
      "Analysts expect a cut next March, after the rise last October, and a review in June.\n");
  EXPECT_EQ(dates_of(r), (Dates{{"21/11/2024", "2024-11-21"},
                                {"أكتوبر/تشرين الأول", "2024-10"},
                                {"نوفمبر", "2023-11"},  // in November, last November was a year ago
                                {"مارس", "2025-03"},
                                {"March", "2025-03"},
                                {"October", "2024-10"},
                                {"June", "XXXX-06"}}));
}

// A month of the current one is in the article's year ("نوفمبر الجاري", "this March"); a month with a
// year or a year's offset after it is one date in that year ("سبتمبر من العام الماضي", "March of last year").
TEST(AnchorDates, MonthsOfTheCurrentYearOrOfAYearGivenAfterThem) {
  const maqal::Result r = maqal::parse_text(
      "البنك المركزي يثبت أسعار الفائدة\n21/11/2024\n"
      "رفعت الوكالة التصنيف في نوفمبر الجاري، بعد تراجع في سبتمبر من العام الماضي وفي مارس من عام 2022. "
      "Rates rose in September last year and will be reviewed this March and in May of next year.\n");
  EXPECT_EQ(dates_of(r), (Dates{{"21/11/2024", "2024-11-21"},
                                {"نوفمبر", "2024-11"},
                                {"سبتمبر من العام الماضي", "2023-09"},
                                {"مارس من عام 2022", "2022-03"},
                                {"September last year", "2023-09"},
                                {"March", "2024-03"},
                                {"May of next year", "2025-05"}}));
  // A qualified date is anchored past its qualifier; "الجاري" and "الحالي" name the current month or year.
  const maqal::Result qualified = maqal::parse_text(
      "البنك المركزي يثبت أسعار الفائدة\n21/11/2024\nيتوقع البنك خفض الفائدة في مطلع العام المقبل أو منتصف الشهر الجاري أو نهاية العام الحالي.\n");
  EXPECT_EQ(dates_of(qualified), (Dates{{"21/11/2024", "2024-11-21"},
                                        {"مطلع العام المقبل", "early 2025"},
                                        {"منتصف الشهر الجاري", "mid 2024-11"},
                                        {"نهاية العام الحالي", "end 2024"}}));
  // Without the article's date the year stays an offset.
  const maqal::Result undated = maqal::parse_text("Rates rose in September last year.\n");
  EXPECT_EQ(dates_of(undated), (Dates{{"September last year", "-1Y-09"}}));
}

// A day without its year is the one nearest the article's day: last month's, or next year's early in
// January from late December.
TEST(AnchorDates, ADayWithoutItsYearIsTheNearestOne) {
  const maqal::Result r = maqal::parse_text(
      "Chip maker beats forecasts\nDecember 20, 2026\n"
      "Revenue rose in the quarter ended Oct. 26, and the next report is due on Jan. 5 and again in February.\n");
  EXPECT_EQ(dates_of(r), (Dates{{"December 20, 2026", "2026-12-20"},
                                {"Oct. 26", "2026-10-26"},
                                {"Jan. 5", "2027-01-05"},
                                {"February", "XXXX-02"}}));
}

TEST(AnchorDates, TimeElapsedCountsBackFromTheArticlesDate) {
  const maqal::Result r = maqal::parse_text(
      "Harbour plan goes to a vote\nMarch 14, 2024\n"
      "The council met 3 days ago and two weeks ago, and the mayor spoke an hour ago about the harbour plan.\n");
  EXPECT_EQ(dates_of(r), (Dates{{"March 14, 2024", "2024-03-14"}, {"3 days ago", "2024-03-11"}, {"two weeks ago", "2024-W09"}}));
}

TEST(AnchorDates, AnEndlessCountIsNoTimeAgo) {
  const maqal::Result r = maqal::parse_text("Harbour plan goes to a vote\nMarch 14, 2024\n"
                                            "The rock formed 99999999999 days ago, or 20000 years ago.\n");
  EXPECT_EQ(dates_of(r), (Dates{{"March 14, 2024", "2024-03-14"}}));
}

TEST(AnchorDates, WithoutTheArticlesDateTheyStayRelative) {
  const maqal::Result r = maqal::parse_text("The council met on Tuesday, after talks yesterday.\n");
  EXPECT_EQ(dates_of(r), (Dates{{"Tuesday", "XXXX-WXX-2"}, {"yesterday", "-1D"}}));
}

TEST(AnchorDates, AnHtmlPagesOwnDateAnchorsItsArticle) {
  const maqal::Result r = maqal::parse_html(
      "<html><head><meta property='article:published_time' content='2024-12-31T09:00:00Z'></head><body>"
      "<article><h1>Harbour plan goes to a vote</h1><p>The council met yesterday and will meet again next week, "
      "before the new year, when the harbour plan goes to a vote that has been delayed for many months.</p>"
      "</article></body></html>");
  // 31 December 2024 is in ISO week 1 of 2025 (its Thursday is 2 January): next week is the second.
  EXPECT_EQ(dates_of(r), (Dates{{"yesterday", "2024-12-30"}, {"next week", "2025-W02"}}));
}

}  // namespace
