#include "timex/timex.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dateline {
namespace {

// One case: a sentence, its publication date, the words expected to be tagged, and the TIMEX3 reading.
struct Case {
  const char* family;
  const char* dct;
  const char* text;
  const char* span;   // expected covered text; "" expects no expression at all
  const char* type;   // "DATE", "TIME", "DURATION", "SET"
  const char* value;
  const char* mod = "";
};

Date D(const char* s) { return *ParseIsoDate(s); }

// Finds the expression whose text equals span.
const TimeExpression* Find(const std::vector<TimeExpression>& xs, std::string_view text, std::string_view span) {
  for (const auto& x : xs) {
    if (text.substr(x.start, x.end - x.start) == span) return &x;
  }
  return nullptr;
}

std::string Dump(const std::vector<TimeExpression>& xs, std::string_view text) {
  std::string out;
  for (const auto& x : xs) {
    out += "[" + std::string(text.substr(x.start, x.end - x.start)) + "]=" + TimexTypeName(x.type) + ":" +
           x.value + (x.mod.empty() ? "" : "/" + x.mod) + " ";
  }
  return out;
}

// 2022-02-04 is a Friday; 2022-02-07 a Monday; 2022-02-10 a Thursday.
const Case kCases[] = {
    // Explicit calendar dates in their common forms.
    {"explicit", "2022-02-10", "The summit opened on February 8, 2022 in Vilnius.", "February 8, 2022", "DATE", "2022-02-08"},
    {"explicit", "2022-02-10", "Talks resumed on 8 February 2022.", "8 February 2022", "DATE", "2022-02-08"},
    {"explicit", "2022-02-10", "The ministers met on Feb. 8 in Rome.", "Feb. 8", "DATE", "2022-02-08"},
    {"explicit", "2022-02-10", "In the 3 February call, both sides spoke.", "3 February", "DATE", "2022-02-03"},
    {"explicit", "2022-02-10", "The vote was held on the 3rd of February.", "3rd of February", "DATE", "2022-02-03"},
    {"explicit", "2022-02-10", "Troops left in January 2021.", "January 2021", "DATE", "2021-01"},
    {"explicit", "2022-02-10", "The dispute began in 2019 and grew.", "2019", "DATE", "2019"},
    {"explicit", "2022-02-10", "The ceasefire, agreed in June this year, held.", "June this year", "DATE", "2022-06"},
    {"numeric", "2022-02-10", "The order dated 2022-01-31 was published.", "2022-01-31", "DATE", "2022-01-31"},
    {"numeric", "2022-02-10", "A notice issued on 2/8/2022 said so.", "2/8/2022", "DATE", "2022-02-08"},
    {"numeric", "2022-02-10", "A notice issued on 25/12/21 said so.", "25/12/21", "DATE", "2021-12-25"},
    // Months without a year: read against the publication date and the tense.
    {"month", "2022-02-10", "Washington approved the aid in December.", "December", "DATE", "2021-12"},
    {"month", "2022-02-10", "Elections will be held in April.", "April", "DATE", "2022-04"},
    {"month", "2022-11-02", "The dividend is payable Jan. 2 to holders.", "Jan. 2", "DATE", "2023-01-02"},
    {"month", "2022-02-10", "Officials said the hearing is set for March 12.", "March 12", "DATE", "2022-03-12"},
    {"month", "2022-02-10", "The plant closed in mid-February.", "mid-February", "DATE", "2022-02", "MID"},
    {"month", "2022-02-10", "Output should recover in early 2023.", "early 2023", "DATE", "2023", "START"},
    {"month", "2022-02-10", "Prices rose in late November.", "late November", "DATE", "2021-11", "END"},
    {"month", "2022-02-10", "It was founded at the end of 1990.", "the end of 1990", "DATE", "1990", "END"},
    // Weekdays with and without "on", read by tense.
    {"weekday", "2022-02-04", "Putin spoke with Macron on Thursday.", "Thursday", "DATE", "2022-02-03"},
    {"weekday", "2022-02-10", "Biden spoke with Macron on Wednesday.", "Wednesday", "DATE", "2022-02-09"},
    {"weekday", "2022-02-07", "On Sunday, a plane carrying troops landed in Poland.", "Sunday", "DATE", "2022-02-06"},
    {"weekday", "2022-02-04", "Macron will meet Putin in Moscow on Monday.", "Monday", "DATE", "2022-02-07"},
    // "agreed to a truce": "to" before an article is a preposition; the agreement is past.
    {"weekday", "2023-05-10", "The factions agreed to a truce on Saturday.", "Saturday", "DATE", "2023-05-06"},
    {"weekday", "2023-05-10", "The factions agreed to meet on Saturday.", "Saturday", "DATE", "2023-05-13"},
    {"weekday", "2022-02-07", "Truss is set to travel to Moscow on Thursday.", "Thursday", "DATE", "2022-02-10"},
    {"weekday", "2022-02-07", "The envoy arrived last Friday.", "last Friday", "DATE", "2022-02-04"},
    {"weekday", "2022-02-04", "The talks resume next Tuesday.", "next Tuesday", "DATE", "2022-02-08"},
    {"weekday", "2022-02-10", "Shots were fired Tuesday night near the border.", "Tuesday night", "TIME", "2022-02-08TNI"},
    {"weekday", "2022-02-10", "The paper said on Friday, Feb. 4, that it agreed.", "Friday, Feb. 4", "DATE", "2022-02-04"},
    // Deictic words.
    {"deictic", "2022-02-10", "Today is an open day at the airport.", "Today", "DATE", "2022-02-10"},
    {"deictic", "2022-02-10", "The minister resigned yesterday.", "yesterday", "DATE", "2022-02-09"},
    {"deictic", "2022-02-10", "The court rules tomorrow.", "tomorrow", "DATE", "2022-02-11"},
    {"deictic", "2022-02-10", "Rebels attacked the town yesterday morning.", "yesterday morning", "TIME", "2022-02-09TMO"},
    {"deictic", "2022-02-10", "Police clashed with protesters last night.", "last night", "TIME", "2022-02-09TNI"},
    {"deictic", "2022-02-10", "The company is now profitable.", "now", "DATE", "PRESENT_REF"},
    {"deictic", "2022-02-10", "The rules were recently changed.", "recently", "DATE", "PAST_REF"},
    // Relative units.
    {"relative", "2022-02-10", "Biden and Macron spoke last week.", "last week", "DATE", "2022-W05"},
    {"relative", "2022-02-10", "Scholz travels to Kyiv next week.", "next week", "DATE", "2022-W07"},
    {"relative", "2022-02-10", "The drills started this month.", "this month", "DATE", "2022-02"},
    {"relative", "2022-02-10", "Exports fell last year.", "last year", "DATE", "2021"},
    {"relative", "2022-02-10", "Exports fell last month.", "last month", "DATE", "2022-01"},
    {"relative", "2022-02-10", "Exports rose earlier this month.", "earlier this month", "DATE", "2022-02", "START"},
    {"relative", "2022-02-10", "A deal may come later this year.", "later this year", "DATE", "2022", "END"},
    {"relative", "2022-02-10", "The envoy returns next quarter.", "next quarter", "DATE", "2022-Q2"},
    {"relative", "2022-02-10", "Troops arrived over the weekend.", "the weekend", "DATE", "2022-W05-WE"},
    {"relative", "2022-02-10", "Tensions grew sharply last fall.", "last fall", "DATE", "2021-FA"},
    // Ago / later / earlier.
    {"ago", "2022-02-10", "The treaty was signed two days ago.", "two days ago", "DATE", "2022-02-08"},
    {"ago", "2022-02-10", "The plant opened five years ago.", "five years ago", "DATE", "2017"},
    {"ago", "2022-02-10", "The plant opened three months ago.", "three months ago", "DATE", "2021-11"},
    {"ago", "2022-02-10", "The firm was sold a decade ago.", "a decade ago", "DATE", "2012"},
    // Durations.
    {"duration", "2022-02-10", "They held a five-hour meeting.", "five-hour", "DURATION", "PT5H"},
    {"duration", "2022-02-10", "It was the third call within seven days.", "seven days", "DURATION", "P7D"},
    {"duration", "2022-02-10", "Tensions rose in the past several weeks.", "the past several weeks", "DURATION", "PXW"},
    {"duration", "2022-02-10", "Sales fell in the first nine months.", "the first nine months", "DURATION", "P9M"},
    {"duration", "2022-02-10", "The mission will last for a year.", "a year", "DURATION", "P1Y"},
    {"duration", "2022-02-10", "The lease runs for 30 more years.", "30 more years", "DURATION", "P30Y"},
    {"duration", "2022-02-10", "They signed a 10-year contract.", "10-year", "DURATION", "P10Y"},
    {"duration", "2022-02-10", "Stocks hit a five year low.", "five year", "DURATION", "P5Y"},
    {"duration", "2022-02-10", "It may take a couple of years.", "a couple of years", "DURATION", "P2Y"},
    {"duration", "2022-02-10", "Talks lasted twenty-four hours.", "twenty-four hours", "DURATION", "PT24H"},
    // Sets.
    {"set", "2022-02-10", "The ministry briefs reporters every Monday.", "every Monday", "SET", "XXXX-WXX-1"},
    {"set", "2022-02-10", "The ministry publishes daily updates.", "daily", "SET", "P1D"},
    {"set", "2022-02-10", "The council meets each month.", "each month", "SET", "P1M"},
    {"set", "2022-02-10", "The fund pays $5 million a year.", "a year", "SET", "P1Y"},
    // Clock times.
    {"clock", "2022-02-10", "The blast came at 10:35 a.m. local time.", "10:35 a.m. local time", "TIME", "2022-02-10T10:35"},
    {"clock", "2022-02-10", "The deadline is 5 p.m. EST Friday.", "5 p.m. EST Friday", "TIME", "2022-02-04T17:00"},
    {"clock", "2022-02-10", "The curfew starts at midnight.", "midnight", "TIME", "2022-02-10T24:00"},
    {"clock", "2022-02-10", "Shares rose at 1100 GMT on the news.", "1100 GMT", "TIME", "2022-02-10T11:00"},
    {"clock", "2022-02-10", "The polls shut at 0930 local time.", "0930 local time", "TIME", "2022-02-10T09:30"},
    {"clock", "2022-02-07", "The relatives have until 9 a.m. Tuesday to sign.", "9 a.m. Tuesday", "TIME", "2022-02-08T09:00"},
    {"clock", "1998-08-08", "The blast came at 10:35 a.m. (0735 GMT) Friday.", "10:35 a.m.", "TIME", "1998-08-07T10:35"},
    {"clock", "1989-11-02", "In London at mid-afternoon yesterday, shares rose.", "mid-afternoon yesterday", "TIME", "1989-11-01TAF", "MID"},
    {"clock", "1998-03-06", "By mid afternoon, officials had left.", "mid afternoon", "TIME", "1998-03-06TAF", "MID"},
    // Tense cues around weekdays and months.
    {"tense", "2022-02-09", "The father would travel to Washington Thursday.", "Thursday", "DATE", "2022-02-10"},
    {"tense", "2022-02-11", "Until Thursday, police had not named a suspect.", "Thursday", "DATE", "2022-02-10"},
    {"tense", "2022-02-10", "Trading is to resume in Paris Tuesday.", "Tuesday", "DATE", "2022-02-15"},
    {"tense", "2022-02-10", "The envoy agreed to return Monday.", "Monday", "DATE", "2022-02-14"},
    {"tense", "1998-09-30", "On Friday, the Kenyan government planned to pay the families.", "Friday", "DATE", "1998-09-25"},
    {"tense", "1991-02-25", "Bush let the ground offensive begin as previously planned Saturday night.", "Saturday night",
     "TIME", "1991-02-23TNI"},
    {"tense", "2022-02-07", "On Thursday, the minister is expected to visit Kyiv.", "Thursday", "DATE", "2022-02-10"},
    {"tense", "2022-10-26", "It will be paid on an unspecified date in January.", "January", "DATE", "2023-01"},
    // Halves of units.
    {"half", "2022-02-10", "She spent 5 1/2 hours in Nairobi.", "5 1/2 hours", "DURATION", "PT5H30M"},
    {"half", "2022-02-10", "They lived in the camps for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"},
    {"half", "2022-02-10", "The talks lasted two and a half days.", "two and a half days", "DURATION", "P2DT12H"},
    {"half", "2022-02-10", "The meeting ran for an hour and a half.", "an hour and a half", "DURATION", "PT1H30M"},
    {"half", "2022-02-10", "The vote took half an hour.", "half an hour", "DURATION", "PT30M"},
    // "current" before a noun is the present; a few fixed phrases are not.
    {"deictic", "2022-02-10", "The current crisis began in Kyiv.", "current", "DATE", "PRESENT_REF"},
    {"negative", "2022-02-10", "The current account deficit widened.", "", "", ""},
    // Weeks and quarters named by reference.
    {"relative", "2022-02-24", "A hearing is set for the week of March 6.", "the week of March 6", "DATE", "2022-W09"},
    {"quarter", "2022-11-02", "Profit fell in the latest quarter.", "the latest quarter", "DATE", "2022-Q3"},
    {"quarter", "2022-11-02", "Sales are strong in the current quarter.", "the current quarter", "DATE", "2022-Q4"},
    {"quarter", "2022-10-30", "Net rose from the year-ago third quarter.", "the year-ago third quarter", "DATE", "2021-Q3"},
    {"quarter", "2022-11-02", "Net fell in the third quarter; sales for last year's quarter were small.", "last year's quarter", "DATE", "2021-Q3"},
    {"month", "2023-04-19", "The doctor was shot last Oct. 23 at his home.", "Oct. 23", "DATE", "2022-10-23"},
    {"deictic", "2022-02-10", "Markets are calmer these days.", "these days", "DATE", "PRESENT_REF"},
    {"deictic", "2022-02-10", "The losses will cut taxes in future quarters.", "future quarters", "DATE", "FUTURE_REF"},
    {"deictic", "2022-02-10", "Strikes may continue well into the future if talks fail.", "the future", "DATE", "FUTURE_REF"},
    {"deictic", "2022-02-10", "The firm may soon seek a buyer.", "soon", "DATE", "FUTURE_REF"},
    {"deictic", "2022-02-10", "Listing is planned in the near future.", "the near future", "DATE", "FUTURE_REF"},
    {"negative", "2022-02-10", "He was soon released by the police.", "", "", ""},
    {"deictic", "2022-02-10", "Crane said that in the past it considered a bid.", "the past", "DATE", "PAST_REF"},
    {"deictic", "2022-02-10", "Many believe the city will one day host the games.", "one day", "DATE", "FUTURE_REF"},
    {"negative", "2022-02-10", "Leaders met to discuss the future of Europe.", "", "", ""},
    {"duration", "1989-10-26", "Net for the year-earlier nine months rose.", "the year-earlier nine months", "DURATION", "P9M"},
    {"quarter", "2022-10-30", "The unit lost money in the past two quarters.", "the past two quarters", "DURATION", "P2Q"},
    // Quarters, halves, seasons, decades, centuries.
    {"quarter", "2022-10-26", "Profit rose in the third quarter.", "the third quarter", "DATE", "2022-Q3"},
    {"quarter", "2022-10-26", "Third-quarter profit rose.", "Third-quarter", "DATE", "2022-Q3"},
    {"quarter", "2022-10-26", "Sales grew in the first half of 2021.", "the first half of 2021", "DATE", "2021-H1"},
    {"season", "2022-02-10", "The offensive may come in the spring.", "the spring", "DATE", "2022-SP"},
    {"season", "2022-02-10", "The dam was finished in summer 2019.", "summer 2019", "DATE", "2019-SU"},
    {"decade", "2022-02-10", "The region boomed in the 1990s.", "the 1990s", "DATE", "199"},
    {"decade", "2022-02-10", "The temple dates from the 11th century.", "the 11th century", "DATE", "10"},
    {"holiday", "2022-02-10", "The truce ended on Christmas Day.", "Christmas Day", "DATE", "2021-12-25"},
    {"holiday", "2022-10-26", "Voters go to the polls on Election Day.", "Election Day", "DATE", "2022-11-08"},
    {"holiday", "2022-02-10", "Crowds will gather for Easter Sunday.", "Easter Sunday", "DATE", "2022-04-17"},
    {"holiday", "2021-02-10", "The shops shut on Good Friday.", "Good Friday", "DATE", "2021-04-02"},
    {"holiday", "2022-06-10", "Parades were held on Memorial Day.", "Memorial Day", "DATE", "2022-05-30"},
    {"holiday", "2022-02-10", "Florists expect a rush on Valentine's Day.", "Valentine's Day", "DATE", "2022-02-14"},
    // What is not a date.
    {"negative", "2022-02-10", "Russia may produce a fake video.", "", "", ""},
    {"negative", "2022-02-10", "Thousands joined the march through the capital.", "", "", ""},
    {"negative", "2022-02-10", "Veterans will March on the capital.", "", "", ""},
    {"negative", "2022-02-10", "The Sunday Times reported the plan.", "", "", ""},
    {"negative", "2022-02-10", "Prices may fall if supply grows.", "", "", ""},
    {"duration", "2022-02-10", "Prices may fall in the coming days.", "the coming days", "DURATION", "PXD"},
    {"negative", "2022-02-10", "About 2000 troops crossed the river.", "", "", ""},
    {"negative", "2022-02-10", "The fall of the government surprised many.", "", "", ""},
    {"negative", "2022-02-10", "Secretary Baker spoke on \"This Week\" on ABC.", "", "", ""},
    // Reporting periods: the quarter in focus is the completed one the report leads with.
    {"quarter", "1989-11-01", "Third-quarter net rose. After a flat second quarter, charges hit the year-earlier period.",
     "the year-earlier period", "DATE", "1988-Q3"},
    {"quarter", "1989-10-26", "Net rose in the third quarter, and a loss will follow in the fourth quarter; in the year-ago period it lost money.",
     "the year-ago period", "DATE", "1988-Q3"},
    {"quarter", "1989-11-02", "Ralston reported a decline in fourth-quarter earnings from a year earlier.", "a year earlier", "DATE",
     "1988-Q4"},
    {"quarter", "1987-03-11", "Net rose in the third quarter. For the second quarter ended November 30, it earned less than a year before.",
     "a year before", "DATE", "1985-Q2"},
    // "this Friday" is the Friday of the publication week; "since" looks back; a month inside a noun
    // phrase takes no tense from the verb after it.
    {"weekday", "1987-03-24", "It will announce the offering next Monday instead of this Friday as originally scheduled.",
     "this Friday", "DATE", "1987-03-27"},
    {"month", "1987-03-24", "The provinces have suffered a drought since mid-February and it is expected to last.",
     "mid-February", "DATE", "1987-02", "MID"},
    {"month", "1987-03-11", "Figures for February, out on Monday, are expected to show a deficit.", "February", "DATE", "1987-02"},
    {"season", "1987-04-13", "An upturn in demand could be expected by the spring.", "the spring", "DATE", "1987-SP"},
    {"relative", "2022-10-10", "Prices rose sharply last fall.", "last fall", "DATE", "2021-FA"},
    {"relative", "1987-06-18", "Unemployment fell from a peak last summer.", "last summer", "DATE", "1986-SU"},
    {"month", "1987-03-19", "The move may wait until April 14 when February's trade data are due for release.", "February",
     "DATE", "1987-02"},
    {"month", "1987-03-31", "The government will review import tariffs by the end of July, he said.", "the end of July", "DATE",
     "1987-07", "END"},
    {"quarter", "1998-01-26", "Investors cheered the drop in profits for the fourth quarter.", "the fourth quarter", "DATE",
     "1997-Q4"},
    {"quarter", "1987-03-30", "Prospects for the second quarter were favourable.", "the second quarter", "DATE", "1987-Q2"},
    {"quarter", "1987-06-29", "OPEC announced that it would cut fourth quarter output.", "fourth quarter", "DATE", "1987-Q4"},
    {"month", "1987-03-17", "The agency will announce figures for the October/December quarter today.", "December", "DATE",
     "1986-12"},
    {"month", "1987-03-17", "Half will go to creditor banks which in December were asked to waive interest.", "December",
     "DATE", "1986-12"},
    {"month", "1987-03-19", "Its board declared a stock split, payable May 20 to holders of record May 6.", "May 20", "DATE",
     "1987-05-20"},
    {"weekday", "1987-10-20", "The U.S. was ready to deal with any response to Monday's attack on an oil rig.", "Monday", "DATE",
     "1987-10-19"},
    {"weekday", "1987-03-31", "Friday's employment statistics in particular will be watched.", "Friday", "DATE", "1987-04-03"},
    {"month", "1987-03-20", "It kept its estimate for the 1986/87 sugar year ending September 30.", "September 30", "DATE",
     "1987-09-30"},
    {"month", "1987-03-12", "The quota was raised to 600,000 bales in 1986/87 ending August.", "August", "DATE", "1987-08"},
    {"month", "1987-06-19", "September bonds climbed from their low after traders sold.", "September", "DATE", "1987-09"},
    {"month", "1987-06-18", "The sugar was sold at 160 dlrs for July/August shipment.", "July", "DATE", "1987-07"},
    {"month", "1987-02-26", "He noted a 6.9 pct drop in January shipments.", "January", "DATE", "1987-01"},
    {"month", "1987-03-24", "The debt is covered by a standstill agreement that expires June 30.", "June 30", "DATE",
     "1987-06-30"},
    {"month", "1999-10-12", "Output fell in the 1999/00 season ending May 31.", "May 31", "DATE", "2000-05-31"},
    {"quarter", "1987-03-13", "It restated its earnings for fiscal 1987's third quarter.", "fiscal 1987's third quarter", "DATE",
     "1987-Q3"},
    {"season", "1987-03-27", "He hoped the exchange could open in the autumn.", "the autumn", "DATE", "1987-FA"},
    {"month", "1987-04-24", "The board approved a stock dividend to be distributed July 12 to holders.", "July 12", "DATE",
     "1987-07-12"},
    {"month", "1987-03-25", "It said it expects results for the first quarter to end May 31 will improve.", "May 31", "DATE",
     "1987-05-31"},
    {"month", "1987-03-25", "The minister said on June 3 that prices would rise.", "June 3", "DATE", "1986-06-03"},
    {"month", "1987-03-26", "The board rescheduled the annual meeting to June 18 from May 7.", "June 18", "DATE", "1987-06-18"},
    {"month", "1987-06-19", "Tunisia has bought wheat for August to December shipment.", "December", "DATE", "1987-12"},
    {"weekday", "1987-03-26", "The council is due to elect a director when it reconvenes Friday, producer delegates said.",
     "Friday", "DATE", "1987-03-27"},
    {"quarter", "1987-03-18", "Farm product rose 4.3 pct in the fourth quarter of 1986 after 2.6 pct in the third quarter and 2.8 pct a year earlier.",
     "a year earlier", "DATE", "1985-Q4"},
    {"month", "1987-06-18", "Bevan will replace Dundas when he retires as chairman in December.", "December", "DATE", "1987-12"},
    {"month", "1987-03-30", "Buying in March is expected to exceed the record high seen in December.", "December", "DATE",
     "1986-12"},
    {"month", "1987-03-18", "The institute said the improvement in the June and September quarters was due to a new tax.",
     "September", "DATE", "1986-09"},
    {"quarter", "1987-03-31", "Net rose in the first quarter. The surplus should climb in the second quarter of 1987 from 3.81 billion a year earlier.",
     "a year earlier", "DATE", "1986-Q2"},
    {"month", "1987-06-29", "On Sept 25, a day after Allied disclosed its losses, the shares fell.", "Sept 25", "DATE",
     "1986-09-25"},
    {"quarter", "1987-06-29", "Orders rose in the third quarter of fiscal 1987, and the backlog doubled from a year ago.",
     "a year ago", "DATE", "1986-Q3"},
    {"season", "1987-03-11", "Austerity may follow if the economy did not improve over the summer.", "the summer", "DATE",
     "1987-SU"},
    {"quarter", "1987-03-26", "It expects first quarter net to exceed the record it earned for the year-ago quarter.",
     "the year-ago quarter", "DATE", "1986-Q1"},
    {"quarter", "1989-10-26", "Net rose in the third quarter. Acme lost money in the fiscal second quarter, after a profit a year ago.",
     "a year ago", "DATE", "1988-Q2"},
    {"quarter", "1989-10-27", "Sales fell in the second quarter. Results for that quarter included a charge.", "that quarter", "DATE",
     "1989-Q2"},
    {"negative", "1989-11-01", "The quarter-to-quarter comparison improved.", "", "", ""},
    // Vague and qualified durations.
    {"duration", "1989-10-30", "Eight trading days after the crash, the index recovered.", "Eight trading days", "DURATION", "P8D"},
    {"duration", "1998-02-19", "He probably died within weeks or months of his capture.", "weeks or months", "DURATION", "PXW"},
    {"duration", "1989-10-27", "Funds may sell bonds in the weeks ahead.", "the weeks ahead", "DURATION", "PXW"},
    {"season", "1989-10-26", "Orders rose from the low levels of the early summer.", "the early summer", "DATE", "1989-SU", "START"},
    // Months without a tense cue take the nearer reading; "would" and a future deadline look ahead; a
    // fronted month waits for the verb of its clause.
    {"month", "1987-03-27", "Books close August 3 to 10.", "August 3", "DATE", "1987-08-03"},
    {"month", "1987-03-27", "Prices fell sharply from their peak in October.", "October", "DATE", "1986-10"},
    {"month", "1989-10-30", "The stock rose to a high of $42 in June from $29 in March.", "March", "DATE", "1989-03"},
    {"weekday", "1987-03-20", "Fed funds were up from Wednesday's 5.97 pct average, and are expected to open higher.",
     "Wednesday", "DATE", "1987-03-18"},
    {"month", "1998-02-13", "It said the third flight would depart each Thursday from August 6.", "August 6", "DATE", "1998-08-06"},
    {"month", "1998-02-13", "Qantas will almost double its flights to India by August.", "August", "DATE", "1998-08"},
    // Parts of a day and weeks read from the day last mentioned; clock hours with a part of the day.
    {"refday", "2000-02-24", "He appeared in court on Tuesday and again the next morning.", "the next morning", "TIME",
     "2000-02-23TMO"},
    {"refday", "2022-02-10", "Police arrived on Feb. 3. Later that night the crowd left.", "that night", "TIME", "2022-02-03TNI"},
    {"refday", "1989-10-30", "Hopes were dashed Friday. Dealers placed buy orders in the morning.", "the morning", "TIME",
     "1989-10-27TMO"},
    {"refday", "1989-10-30", "The index fell 1.2% on Friday. For the week, it dropped 3.8%.", "the week", "DATE", "1989-W43"},
    {"clock", "2000-04-05", "The father will leave at 4 in the morning.", "4 in the morning", "TIME", "2000-04-05T04:00"},
    {"clock", "2000-04-05", "The rally began at 8 in the evening.", "8 in the evening", "TIME", "2000-04-05T20:00"},
    {"negative", "2022-02-10", "He was wounded in the week before the election.", "", "", ""},
    {"negative", "2000-04-17", "He said so on CBS's \"60 Minutes\" program.", "", "", ""},
    {"month", "1998-10-25", "In January, a week after the anniversary of the Roe vs. Wade ruling, a bomb at a clinic in the city killed a guard.",
     "January", "DATE", "1998-01"},
};

class TimexCaseTest : public ::testing::TestWithParam<Case> {};

TEST_P(TimexCaseTest, Normalises) {
  const Case& c = GetParam();
  const std::string text = c.text;
  const auto xs = TagTimexes(text, D(c.dct));
  if (std::string(c.span).empty()) {
    // Negative: only vague or unrelated expressions may appear, never a calendar date.
    for (const auto& x : xs) {
      EXPECT_FALSE(x.type == TimexType::kDate && x.date.known()) << c.family << ": " << c.text << " → " << Dump(xs, text);
    }
    if (std::string(c.text).find("may") != std::string::npos || std::string(c.text).find("arch") != std::string::npos ||
        std::string(c.text).find("Sunday") != std::string::npos || std::string(c.text).find("This Week") != std::string::npos) {
      EXPECT_TRUE(xs.empty()) << c.family << ": " << c.text << " → " << Dump(xs, text);
    }
    return;
  }
  const TimeExpression* x = Find(xs, text, c.span);
  ASSERT_NE(x, nullptr) << c.family << ": no expression \"" << c.span << "\" in: " << c.text << " → " << Dump(xs, text);
  EXPECT_STREQ(TimexTypeName(x->type), c.type) << c.text;
  EXPECT_EQ(x->value, c.value) << c.family << ": " << c.text;
  EXPECT_EQ(x->mod, c.mod) << c.text;
}

INSTANTIATE_TEST_SUITE_P(Families, TimexCaseTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.family) + "_" + std::to_string(info.index);
                         });

TEST(TimexAnchoring, PreviouslyMentionedDateAnchorsNextDay) {
  const std::string text = "Macron met Putin on Monday and the next day he flew to Kyiv. Two days later he was home.";
  const auto xs = TagTimexes(text, D("2022-02-10"));
  ASSERT_NE(Find(xs, text, "the next day"), nullptr) << Dump(xs, text);
  EXPECT_EQ(Find(xs, text, "Monday")->value, "2022-02-07");
  EXPECT_EQ(Find(xs, text, "the next day")->value, "2022-02-08");
  EXPECT_EQ(Find(xs, text, "the next day")->anchor, "previous");
  ASSERT_NE(Find(xs, text, "Two days later"), nullptr) << Dump(xs, text);
  EXPECT_EQ(Find(xs, text, "Two days later")->value, "2022-02-10");
}

TEST(TimexAnchoring, DayListsTakeTheFollowingMonth) {
  const std::string text = "Before 3 February, both leaders held phone calls on 28 and 31 January.";
  const auto xs = TagTimexes(text, D("2022-02-04"));
  ASSERT_NE(Find(xs, text, "28"), nullptr) << Dump(xs, text);
  EXPECT_EQ(Find(xs, text, "28")->value, "2022-01-28");
  EXPECT_EQ(Find(xs, text, "31 January")->value, "2022-01-31");
  EXPECT_EQ(Find(xs, text, "3 February")->value, "2022-02-03");
}

TEST(TimexAnchoring, DayRangeGivesBothDays) {
  const std::string text = "Scholz will travel to Kyiv and Moscow on February 14-15.";
  const auto xs = TagTimexes(text, D("2022-02-08"));
  ASSERT_EQ(xs.size(), 2u) << Dump(xs, text);
  EXPECT_EQ(xs[0].value, "2022-02-14");
  EXPECT_EQ(xs[1].value, "2022-02-15");
  EXPECT_EQ(xs[1].date, Date::Day(2022, 2, 15));
}

TEST(TimexAnchoring, PreviousDayAndFollowingYear) {
  const std::string text = "The crash happened on 12 March 2019. The previous day, pilots had complained. "
                           "The following year the airline was sold.";
  const auto xs = TagTimexes(text, D("2022-02-10"));
  ASSERT_NE(Find(xs, text, "The previous day"), nullptr) << Dump(xs, text);
  EXPECT_EQ(Find(xs, text, "The previous day")->value, "2019-03-11");
  ASSERT_NE(Find(xs, text, "The following year"), nullptr) << Dump(xs, text);
  EXPECT_EQ(Find(xs, text, "The following year")->value, "2020");
}

TEST(TimexAnchoring, YearEarlierFollowsTheQuarterInFocus) {
  const std::string text = "Net income rose in the third quarter from a year earlier.";
  const auto xs = TagTimexes(text, D("1989-10-26"));
  ASSERT_NE(Find(xs, text, "a year earlier"), nullptr) << Dump(xs, text);
  EXPECT_EQ(Find(xs, text, "the third quarter")->value, "1989-Q3");
  EXPECT_EQ(Find(xs, text, "a year earlier")->value, "1988-Q3");
}

// "the previous Friday" counts from the date last mentioned, not from the publication date.
TEST(TimexAnchoring, PreviousWeekdayFollowsTheMentionedDate) {
  const std::string text = "On Oct. 20 the index fell 4% from the previous Friday.";
  const auto xs = TagTimexes(text, D("2022-10-30"));
  const auto* x = Find(xs, text, "the previous Friday");
  ASSERT_NE(x, nullptr) << Dump(xs, text);
  EXPECT_EQ(x->value, "2022-10-14");
  EXPECT_EQ(x->anchor, "previous");
}

// After "the nine months" the focus is the year to date: "a year earlier" is the year, not the quarter.
TEST(TimexAnchoring, YearEarlierAfterYearToDateIsTheYear) {
  const std::string text = "Profit rose in the third quarter. In the nine months, net fell from a year earlier.";
  const auto xs = TagTimexes(text, D("1989-10-26"));
  const auto* x = Find(xs, text, "a year earlier");
  ASSERT_NE(x, nullptr) << Dump(xs, text);
  EXPECT_EQ(x->value, "1988");
}

TEST(TimexAnchoring, UnknownPublicationDateGivesPlaceholders) {
  const std::string text = "The talks resumed on Monday, and on March 3 the leaders met. It ended in 2019.";
  const auto xs = TagTimexes(text, Date{});
  ASSERT_NE(Find(xs, text, "Monday"), nullptr) << Dump(xs, text);
  EXPECT_EQ(Find(xs, text, "Monday")->value, "XXXX-WXX-1");
  EXPECT_FALSE(Find(xs, text, "Monday")->date.known());
  EXPECT_EQ(Find(xs, text, "March 3")->value, "XXXX-03-03");
  EXPECT_EQ(Find(xs, text, "2019")->value, "2019");
}

TEST(TimexAnchoring, CalendarDateCarriesPrecision) {
  const std::string text = "It happened on Thursday, in December and in 2020.";
  const auto xs = TagTimexes(text, D("2022-02-04"));
  EXPECT_EQ(Find(xs, text, "Thursday")->date, Date::Day(2022, 2, 3));
  EXPECT_EQ(Find(xs, text, "December")->date, Date::Month(2021, 12));
  EXPECT_EQ(Find(xs, text, "2020")->date, Date::Year(2020));
}

TEST(TimexTense, PartOfSpeechTagsOverrideWordCues) {
  // "meet" is a present-tense verb with a future sense; with tags the cue is the modal.
  const std::string text = "Leaders will meet on Monday.";
  Sentence s;
  s.start = 0;
  s.end = static_cast<uint32_t>(text.size());
  const char* words[] = {"Leaders", "will", "meet", "on", "Monday", "."};
  const char* tags[] = {"NNS", "MD", "VB", "IN", "NNP", "."};
  size_t pos = 0;
  for (int i = 0; i < 6; ++i) {
    Token t;
    pos = text.find(words[i], pos);
    t.start = static_cast<uint32_t>(pos);
    t.end = static_cast<uint32_t>(pos + std::string(words[i]).size());
    t.text = words[i];
    t.xpos = tags[i];
    s.tokens.push_back(t);
    pos = t.end;
  }
  std::vector<Sentence> sentences{s};
  const auto xs = TagTimexes(text, D("2022-02-04"), TimexOptions{}, &sentences);
  ASSERT_EQ(xs.size(), 1u);
  EXPECT_EQ(xs[0].value, "2022-02-07");
  EXPECT_EQ(xs[0].sentence, 0);
}

TEST(TimexScanner, OffsetsAreBytesIntoTheText) {
  const std::string text = "Kyiv \xE2\x80\x94 On Sunday \xE2\x80\x9Cnothing\xE2\x80\x9D happened; talks on February 14\xE2\x80\x93" "15.";
  const auto xs = TagTimexes(text, D("2022-02-07"));
  ASSERT_EQ(xs.size(), 3u) << Dump(xs, text);
  EXPECT_EQ(text.substr(xs[0].start, xs[0].end - xs[0].start), "Sunday");
  EXPECT_EQ(xs[1].value, "2022-02-14");
  EXPECT_EQ(xs[2].value, "2022-02-15");
  EXPECT_EQ(text.substr(xs[2].start, xs[2].end - xs[2].start), "15");
}

// Wire copy wraps lines inside sentences: a wrapped line is no sentence end, so the verb on the line
// before still gives the tense; a blank or indented line does end one.
TEST(TimexScanner, WrappedLinesStayInTheirSentence) {
  const std::string text = "The working group is to meet again on rules\nMonday morning.\n    It met last\nFriday.";
  const auto xs = TagTimexes(text, D("1987-03-19"));
  ASSERT_NE(Find(xs, text, "Monday morning"), nullptr) << Dump(xs, text);
  EXPECT_EQ(Find(xs, text, "Monday morning")->value, "1987-03-23TMO");
  ASSERT_NE(Find(xs, text, "last\nFriday"), nullptr) << Dump(xs, text);
  EXPECT_EQ(Find(xs, text, "last\nFriday")->value, "1987-03-13");
}

TEST(TimexScanner, SurvivesHostileInput) {
  std::string junk;
  for (int i = 0; i < 3000; ++i) junk += static_cast<char>((i * 7919) % 256);
  junk += " 99/99/9999 31 February 2022 Feb. 30 the 0th century 00:99 p.m. -1 days ago";
  const auto xs = TagTimexes(junk, D("2022-02-10"));
  for (const auto& x : xs) {
    EXPECT_LT(x.start, x.end);
    EXPECT_LE(x.end, junk.size());
  }
  EXPECT_TRUE(TagTimexes("", D("2022-02-10")).empty());
}

TEST(TimexIsoWeek, MatchesIso8601) {
  EXPECT_EQ(IsoWeekString(Date::Day(2022, 2, 3)), "2022-W05");
  EXPECT_EQ(IsoWeekString(Date::Day(2021, 1, 3)), "2020-W53");
  EXPECT_EQ(IsoWeekString(Date::Day(2024, 12, 30)), "2025-W01");
  EXPECT_EQ(IsoWeekString(Date::Month(2024, 12)), "");
}

// Issue 3, bug 1: a four-digit clock time was read as a year ("1100 GMT" → DATE 1100).
TEST(TimexRegression, FourDigitClockTimeIsNotAYear) {
  for (const char* text : {"Shares rose at 1100 GMT on the news.", "The polls shut at 0930 local time.",
                           "Trading halted at 1530 after the report."}) {
    const auto xs = TagTimexes(text, D("2022-02-10"));
    for (const auto& x : xs) {
      EXPECT_FALSE(x.type == TimexType::kDate && x.value.size() == 4 && x.value[0] <= '1')
          << text << " → " << Dump(xs, text);
    }
  }
  const std::string text = "The dispute began in 1998.";
  const auto xs = TagTimexes(text, D("2022-02-10"));
  ASSERT_NE(Find(xs, text, "1998"), nullptr) << Dump(xs, text);
  EXPECT_EQ(Find(xs, text, "1998")->value, "1998");
}

}  // namespace
}  // namespace dateline
