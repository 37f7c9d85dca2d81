#pragma once
// Education-loan arithmetic: the reducing-balance EMI, the three moratorium modes and the monthly
// amortisation schedule. Pure functions; amounts in INR, the rate a nominal annual fraction whose
// monthly rate is annual_rate / 12.
#include <vector>

namespace disha::roi {

enum class MoratoriumMode {
  capitalised,    // nothing paid; simple interest accrues on the principal and is added at its end
  interest_only,  // each month's interest is paid; the principal stays as disbursed
  full_emi,       // no moratorium: EMIs from the first month
};

struct LoanTerms {
  double principal_inr = 0;  // disbursed in full at month 0; 0 means no loan
  double annual_rate = 0;
  int tenure_months = 0;  // the number of EMIs, after the moratorium
  int moratorium_months = 0;
  MoratoriumMode moratorium_mode = MoratoriumMode::capitalised;
};

struct LoanMonth {
  int month = 0;  // 1-based from disbursement; the payment falls at the end of this month
  double opening_balance_inr = 0;
  double interest_inr = 0;  // accrued this month (paid, or capitalised during a moratorium)
  double payment_inr = 0;
  double principal_repaid_inr = 0;
  double closing_balance_inr = 0;  // includes interest accrued and not yet paid
};

struct LoanSchedule {
  double emi_inr = 0;
  double moratorium_payment_inr = 0;    // paid in each moratorium month
  double balance_at_repayment_inr = 0;  // what the EMIs amortise
  double total_interest_inr = 0;
  double total_paid_inr = 0;
  std::vector<LoanMonth> months{};
};

// The equated monthly instalment repaying `principal_inr` in `months` payments:
// P·i·(1+i)^n / ((1+i)^n − 1) with i = annual_rate / 12, or P / n when the rate is zero.
double emi(double principal_inr, double annual_rate, int months);

LoanSchedule amortise(const LoanTerms& terms);

// The payments falling in each model year (months 1–12 are year 0), straight from the payment
// plan: the engine needs these many times and the month-by-month schedule only once.
std::vector<double> loan_payments_by_year(const LoanTerms& terms, int years);

}  // namespace disha::roi
