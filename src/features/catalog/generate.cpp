#include "features/catalog/generate.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "core/error.hpp"

namespace disha::catalog {

namespace {

// SplitMix64: tiny, fast, and the same sequence on every platform.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
  double between(double low, double high) { return low + (high - low) * uniform(); }
  std::size_t below(std::size_t n) {
    return static_cast<std::size_t>(uniform() * static_cast<double>(n));
  }
  bool chance(double p) { return uniform() < p; }
  template <class T, std::size_t N>
  const T& pick(const std::array<T, N>& items) {
    return items[below(N)];
  }

 private:
  std::uint64_t state_;
};

constexpr std::array<std::string_view, 24> kSyllables{
    "Ara",  "Bha",  "Chan",    "Deva",  "Gan",    "Hari", "Indra", "Jaya",
    "Kala", "Maha", "Nara",    "Padma", "Raja",   "Sara", "Tri",   "Vidya",
    "Yamu", "Sura", "Lakshmi", "Ravi",  "Shanti", "Uma",  "Vasu",  "Kiran"};
constexpr std::array<std::string_view, 12> kEndings{"vati", "pur",   "dhara", "nagar",
                                                    "giri", "ganga", "kund",  "garh",
                                                    "dham", "puri",  "vana",  "kshetra"};
constexpr std::array<std::string_view, 5> kKinds{"University", "Open University", "Vidyapeeth",
                                                 "Institute of Technology", "Global University"};
// The states and union territories of India, as the NIRF data spells them.
constexpr std::array<std::string_view, 20> kStates{
    "Andhra Pradesh", "Assam",       "Bihar",       "Delhi",          "Gujarat",
    "Haryana",        "Karnataka",   "Kerala",      "Madhya Pradesh", "Maharashtra",
    "Odisha",         "Punjab",      "Rajasthan",   "Tamil Nadu",     "Telangana",
    "Uttar Pradesh",  "Uttarakhand", "West Bengal", "Jharkhand",      "Chhattisgarh"};
constexpr std::array<std::string_view, 4> kTypes{"state", "deemed", "private", "central"};
// NAAC grades with rough shares and CGPA ranges (NAAC's own bands).
struct GradeBand {
  std::string_view grade;
  double share, cgpa_low, cgpa_high;
};
constexpr std::array<GradeBand, 7> kGrades{{{"A++", 0.06, 3.51, 4.00},
                                            {"A+", 0.14, 3.26, 3.50},
                                            {"A", 0.25, 3.01, 3.25},
                                            {"B++", 0.22, 2.76, 3.00},
                                            {"B+", 0.15, 2.51, 2.75},
                                            {"B", 0.12, 2.01, 2.50},
                                            {"C", 0.06, 1.51, 2.00}}};
constexpr std::array<std::string_view, 8> kSpecialisations{
    "Cloud Computing",        "Data Science", "Cyber Security", "Artificial Intelligence",
    "Full Stack Development", "DevOps",       "Blockchain",     "Internet of Things"};
constexpr std::array<std::string_view, 3> kExamModes{"online", "centre", "hybrid"};

FactorValue number(std::string_view code, double value) {
  FactorValue v;
  v.factor_code = std::string(code);
  v.number = value;
  return v;
}
FactorValue flag(std::string_view code, bool value) {
  return number(code, value ? 1 : 0);
}
FactorValue text(std::string_view code, std::string_view value) {
  FactorValue v;
  v.factor_code = std::string(code);
  v.text = std::string(value);
  return v;
}

double round_to(double value, double step) {
  return std::round(value / step) * step;
}

University make_university(Random& random, std::size_t ordinal) {
  University u;
  u.name = std::string(random.pick(kSyllables)) + std::string(random.pick(kEndings)) + " " +
           std::string(random.pick(kKinds)) + " " + std::to_string(ordinal);
  u.slug = slugify(u.name);
  u.state = std::string(random.pick(kStates));
  u.city = std::string(random.pick(kSyllables)) + "pur";
  u.institution_type = std::string(random.pick(kTypes));
  u.year_established = 1950 + static_cast<int>(random.below(71));
  u.website = "https://" + u.slug + ".example";
  u.modes = random.chance(0.5) ? std::vector<std::string>{"online", "distance"}
                               : std::vector<std::string>{"online"};
  u.is_demo = true;

  auto& v = u.values;
  auto deb = flag("ugc_deb", random.chance(0.85));
  deb.qualifier = "2025-26";
  v.push_back(std::move(deb));
  v.push_back(flag("ugc", random.chance(0.95)));
  v.push_back(flag("aicte", random.chance(0.6)));
  double draw = random.uniform();
  for (const auto& band : kGrades) {
    if ((draw -= band.share) < 0 || &band == &kGrades.back()) {
      v.push_back(text("naac", band.grade));
      v.push_back(
          number("naac_cgpa", round_to(random.between(band.cgpa_low, band.cgpa_high), 0.01)));
      break;
    }
  }
  if (random.chance(0.1)) {
    v.push_back(number("nirf_rank", 1 + static_cast<double>(random.below(200))));
    v.push_back(number("nirf_score", round_to(random.between(40, 85), 0.01)));
  }
  v.push_back(flag("no_admission_list", random.chance(0.02)));
  v.push_back(
      number("alumni_network",
             round_to(std::exp(random.between(std::log(1000.0), std::log(500000.0))), 100)));
  v.push_back(number("student_rating", round_to(random.between(2.5, 5.0), 0.1)));
  return u;
}

int duration_for(const Course& course) {
  if (course.level == "diploma" || course.name.find("Diploma") != std::string::npos) return 12;
  if (course.level == "PG") return 24;
  return course.name.find("B.Tech") != std::string::npos ? 48 : 36;
}

Programme make_programme(Random& random, const University& university, const Course& course,
                         std::size_t repeat, const std::vector<Career>& careers) {
  Programme p;
  p.university_slug = university.slug;
  p.course_slug = course.slug;
  p.name = course.name;
  p.slug =
      university.slug + "-" + course.slug + (repeat > 0 ? "-" + std::to_string(repeat + 1) : "");
  p.level = course.level == "diploma" ? "diploma" : course.level;
  p.discipline = "Computer Applications";
  p.duration_months = duration_for(course);
  p.mode = course.mode == "campus" ? "campus" : "online";
  p.exam_mode = std::string(random.pick(kExamModes));
  p.eligibility = p.level == "UG" ? "Class 12 with mathematics or science" : "A bachelor's degree";
  const double typical =
      static_cast<double>(course.fee_min_inr.value_or(100000) +
                          course.fee_max_inr.value_or(course.fee_min_inr.value_or(100000))) /
      2;
  const auto fee = static_cast<std::int64_t>(round_to(typical * random.between(0.6, 1.6), 1000));
  p.fee_total_inr = fee;
  p.fee_per_semester_inr = fee / std::max(1, *p.duration_months / 6);
  const bool emi = random.chance(0.7);
  if (emi) p.emi_from_inr = static_cast<std::int64_t>(round_to(static_cast<double>(fee) / 24, 100));
  auto specialisations = random.below(4);
  for (std::size_t i = 0; i < specialisations; ++i) {
    std::string s(random.pick(kSpecialisations));
    if (std::find(p.specialisations.begin(), p.specialisations.end(), s) ==
        p.specialisations.end()) {
      p.specialisations.push_back(std::move(s));
    }
  }
  auto career_count = 1 + random.below(3);
  for (std::size_t i = 0; i < career_count; ++i) {
    const auto& slug = careers[random.below(careers.size())].slug;
    if (std::find(p.career_slugs.begin(), p.career_slugs.end(), slug) == p.career_slugs.end()) {
      p.career_slugs.push_back(slug);
    }
  }
  std::sort(p.career_slugs.begin(), p.career_slugs.end());
  p.is_demo = true;

  auto& v = p.values;
  v.push_back(flag("emi", emi));
  v.push_back(flag("scholarship", random.chance(0.5)));
  v.push_back(flag("subsidy", random.chance(0.3)));
  v.push_back(number("live_classes", static_cast<double>(random.below(11))));
  v.push_back(flag("recorded_lectures", random.chance(0.9)));
  v.push_back(flag("credit_transfer", random.chance(0.6)));
  v.push_back(flag("industry_certification", random.chance(0.4)));
  v.push_back(flag("placement_assistance", random.chance(0.8)));
  if (random.chance(0.7)) v.push_back(number("placement", round_to(random.between(40, 98), 0.1)));
  if (random.chance(0.6))
    v.push_back(number("median_salary", round_to(random.between(250000, 1200000), 1000)));
  v.push_back(flag("dedicated_mentor", random.chance(0.5)));
  return p;
}

}  // namespace

DemoCatalogue generate_demo_catalogue(const GenerateOptions& options,
                                      const std::vector<Course>& courses,
                                      const std::vector<Career>& careers) {
  if (options.universities < 1 || options.universities > 1'000'000) {
    throw Error(ErrorCode::unprocessable, "universities must be from 1 to 1,000,000",
                "universities");
  }
  if (options.programmes_per_university > 100) {
    throw Error(ErrorCode::unprocessable, "programmes per university must be from 0 to 100",
                "programmes-per-university");
  }
  if (courses.empty() || careers.empty()) {
    throw Error(ErrorCode::unprocessable, "the demo catalogue needs courses and careers", "seed");
  }
  Random random(options.seed);
  DemoCatalogue catalogue;
  catalogue.universities.reserve(options.universities);
  catalogue.programmes.reserve(options.universities * options.programmes_per_university);
  for (std::size_t u = 0; u < options.universities; ++u) {
    catalogue.universities.push_back(make_university(random, u + 1));
    const auto& university = catalogue.universities.back();
    // Each university offers distinct courses, starting at a random one.
    auto first = random.below(courses.size());
    for (std::size_t i = 0; i < options.programmes_per_university; ++i) {
      const auto& course = courses[(first + i) % courses.size()];
      catalogue.programmes.push_back(
          make_programme(random, university, course, i / courses.size(), careers));
    }
  }
  return catalogue;
}

}  // namespace disha::catalog
