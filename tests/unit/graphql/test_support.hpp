#pragma once
// What the GraphQL language tests share: readable locations in failure output, a way to catch
// the SyntaxError a call throws, and the documents every test runs over (the executable
// examples of the spec's Language chapter and realistic Disha queries).
#include <gtest/gtest.h>

#include <array>
#include <ostream>
#include <string>
#include <string_view>

#include "graphql/syntax_error.hpp"

namespace disha::graphql {

inline void PrintTo(SourceLocation location, std::ostream* out) {
  *out << location.line << ':' << location.column;
}

// The SyntaxError `action` throws; a test failure (and an empty error) when it throws none.
template <typename Action>
SyntaxError syntax_error_of(Action&& action) {
  try {
    action();
  } catch (const SyntaxError& error) {
    return error;
  }
  ADD_FAILURE() << "no SyntaxError was thrown";
  return SyntaxError("", {});
}

// The executable examples of spec §2 (October 2021), in the order the chapter gives them.
inline constexpr std::array<std::string_view, 23> kSpecExamples = {
    R"(mutation {
  likeStory(storyID: 12345) {
    story {
      likeCount
    }
  }
})",
    R"({
  field
})",
    R"({
  id
  firstName
  lastName
})",
    R"({
  me {
    id
    firstName
    lastName
    birthday {
      month
      day
    }
    friends {
      name
    }
  }
})",
    R"(# `me` could represent the currently logged in viewer.
{
  me {
    name
  }
}

# `user` represents one of many users in a graph of data, referred to by a
# unique identifier.
{
  user(id: 4) {
    name
  }
})",
    R"({
  user(id: 4) {
    id
    name
    profilePic(size: 100)
  }
})",
    R"({
  user(id: 4) {
    id
    name
    profilePic(width: 100, height: 50)
  }
})",
    R"({
  picture(width: 200, height: 100)
})",
    R"({
  picture(height: 100, width: 200)
})",
    R"({
  user(id: 4) {
    id
    name
    smallPic: profilePic(size: 64)
    bigPic: profilePic(size: 1024)
  }
})",
    R"({
  zuck: user(id: 4) {
    id
    name
  }
})",
    R"(query noFragments {
  user(id: 4) {
    friends(first: 10) {
      id
      name
      profilePic(size: 50)
    }
    mutualFriends(first: 10) {
      id
      name
      profilePic(size: 50)
    }
  }
})",
    R"(query withFragments {
  user(id: 4) {
    friends(first: 10) {
      ...friendFields
    }
    mutualFriends(first: 10) {
      ...friendFields
    }
  }
}

fragment friendFields on User {
  id
  name
  profilePic(size: 50)
})",
    R"(query withNestedFragments {
  user(id: 4) {
    friends(first: 10) {
      ...friendFields
    }
    mutualFriends(first: 10) {
      ...friendFields
    }
  }
}

fragment friendFields on User {
  id
  name
  ...standardProfilePic
}

fragment standardProfilePic on User {
  profilePic(size: 50)
})",
    R"(query FragmentTyping {
  profiles(handles: ["zuck", "coca-cola"]) {
    handle
    ...userFragment
    ...pageFragment
  }
}

fragment userFragment on User {
  friends {
    count
  }
}

fragment pageFragment on Page {
  likers {
    count
  }
})",
    R"(query inlineFragmentTyping {
  profiles(handles: ["zuck", "coca-cola"]) {
    handle
    ... on User {
      friends {
        count
      }
    }
    ... on Page {
      likers {
        count
      }
    }
  }
})",
    R"(query inlineFragmentNoType($expandedInfo: Boolean) {
  user(handle: "zuck") {
    id
    name
    ... @include(if: $expandedInfo) {
      firstName
      lastName
      birthday
    }
  }
})",
    R"(mutation {
  sendEmail(message: """
    Hello,
      World!

    Yours,
      GraphQL.
  """)
})",
    R"(mutation {
  sendEmail(message: "Hello,\n  World!\n\nYours,\n  GraphQL.")
})",
    R"({
  field(arg: null)
  field
})",
    R"({
  nearestThing(location: { lon: 12.43, lat: -53.211 })
})",
    R"({
  nearestThing(location: { lat: -53.211, lon: 12.43 })
})",
    R"(query getZuckProfile($devicePicSize: Int) {
  user(id: 4) {
    id
    name
    profilePic(size: $devicePicSize)
  }
})",
};

// Queries as Disha's clients will send them.
inline constexpr std::array<std::string_view, 5> kDishaQueries = {
    // Universities with their programmes, a page at a time, with filter defaults.
    R"(query Universities($first: Int = 20, $after: String,
                    $filter: UniversityFilter = {approvals: [UGC, AICTE], mode: ONLINE}) {
  universities(first: $first, after: $after, filter: $filter) {
    edges {
      cursor
      node {
        id
        slug
        name
        accreditation { grade score }
        programmes(first: 3) { id name feeInr durationMonths }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
})",
    // Compare with the learner's own weights.
    R"(query Compare($ids: [ID!]!,
  $weights: [FactorWeight!] = [{factor: "fees", weight: 0.4}, {factor: "placement", weight: 0.6}]) {
  compare(universityIds: $ids, weights: $weights) {
    rows { factor best values { universityId display } }
    ranking { universityId score explanation }
  }
})",
    // Fragments, a directive on a variable, aliases with arguments.
    R"(query Programme($slug: String!, $withCareers: Boolean = false) {
  university(slug: $slug) {
    ...UniversityCard
    programmes {
      ...ProgrammeSummary
      careers @include(if: $withCareers) { title salaryLpa { experienceYears median } }
    }
  }
}

fragment UniversityCard on University { id name logoUrl accreditation { grade } }

fragment ProgrammeSummary on Programme {
  id
  name
  feeInr
  emi: emiInr(months: 12, annualRate: 0.105)
})",
    R"(mutation AskExpert($input: QuestionInput!) {
  askQuestion(input: $input) { id status slaDeadline }
})",
    R"({
  __typename
  roi(programmeId: "p-42", loan: {principalInr: 250000, annualRate: 1.05e-1, months: 36},
      horizons: [5, 10, 20]) { npvInr irr paybackMonths }
  careerTest { questions { id text options { id label } } }
})",
};

}  // namespace disha::graphql
