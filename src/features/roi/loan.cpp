#include "features/roi/loan.hpp"

#include <algorithm>

#include "features/roi/finance.hpp"

namespace disha::roi {

namespace {

// What is paid each month: `moratorium_payment` in months 1..moratorium, then `emi` for
// tenure months.
struct PaymentPlan {
  double monthly_rate = 0;
  double moratorium_payment = 0;
  double balance_at_repayment = 0;
  double emi = 0;
};

PaymentPlan plan(const LoanTerms& terms) {
  PaymentPlan plan;
  plan.monthly_rate = terms.annual_rate / 12;
  const double monthly_interest = terms.principal_inr * plan.monthly_rate;
  switch (terms.moratorium_mode) {
    case MoratoriumMode::capitalised:
      // Indian education loans charge simple interest during the moratorium (IBA model scheme).
      plan.balance_at_repayment = terms.principal_inr + monthly_interest * terms.moratorium_months;
      break;
    case MoratoriumMode::interest_only:
      plan.moratorium_payment = monthly_interest;
      plan.balance_at_repayment = terms.principal_inr;
      break;
    case MoratoriumMode::full_emi:
      plan.balance_at_repayment = terms.principal_inr;
      break;
  }
  plan.emi = emi(plan.balance_at_repayment, terms.annual_rate, terms.tenure_months);
  return plan;
}

// How many of the whole months first..last (inclusive) fall in lo..hi (inclusive).
int overlap(int first, int last, int lo, int hi) {
  return std::max(0, std::min(last, hi) - std::max(first, lo) + 1);
}

}  // namespace

double emi(double principal_inr, double annual_rate, int months) {
  if (months <= 0 || principal_inr == 0) return 0;
  const double rate = annual_rate / 12;
  if (rate == 0) return principal_inr / months;
  const double growth = power(1 + rate, months);
  return principal_inr * rate * growth / (growth - 1);
}

LoanSchedule amortise(const LoanTerms& terms) {
  const PaymentPlan payments = plan(terms);
  LoanSchedule schedule;
  schedule.emi_inr = payments.emi;
  schedule.moratorium_payment_inr = payments.moratorium_payment;
  schedule.balance_at_repayment_inr = payments.balance_at_repayment;
  if (terms.principal_inr == 0) return schedule;
  schedule.months.reserve(static_cast<std::size_t>(terms.moratorium_months) +
                          static_cast<std::size_t>(terms.tenure_months));

  const double monthly_interest = terms.principal_inr * payments.monthly_rate;
  for (int month = 1; month <= terms.moratorium_months; ++month) {
    LoanMonth row{.month = month, .interest_inr = monthly_interest};
    if (terms.moratorium_mode == MoratoriumMode::capitalised) {
      // Accrued simple interest shows in the balance; multiplying (not summing) avoids drift.
      row.opening_balance_inr = terms.principal_inr + monthly_interest * (month - 1);
      row.closing_balance_inr = terms.principal_inr + monthly_interest * month;
    } else {
      row.opening_balance_inr = row.closing_balance_inr = terms.principal_inr;
      row.payment_inr = monthly_interest;
    }
    schedule.months.push_back(row);
  }

  double balance = payments.balance_at_repayment;
  for (int instalment = 1; instalment <= terms.tenure_months; ++instalment) {
    LoanMonth row{.month = terms.moratorium_months + instalment, .opening_balance_inr = balance};
    row.interest_inr = balance * payments.monthly_rate;
    const bool last = instalment == terms.tenure_months;
    // The last payment clears whatever rounding left, so the schedule ends at exactly zero.
    row.principal_repaid_inr = last ? balance : payments.emi - row.interest_inr;
    row.payment_inr = row.interest_inr + row.principal_repaid_inr;
    balance -= row.principal_repaid_inr;
    row.closing_balance_inr = last ? 0 : balance;
    schedule.months.push_back(row);
  }

  for (const LoanMonth& row : schedule.months) schedule.total_paid_inr += row.payment_inr;
  schedule.total_interest_inr = schedule.total_paid_inr - terms.principal_inr;
  return schedule;
}

std::vector<double> loan_payments_by_year(const LoanTerms& terms, int years) {
  std::vector<double> by_year(static_cast<std::size_t>(years), 0.0);
  if (terms.principal_inr == 0) return by_year;
  const PaymentPlan payments = plan(terms);
  const int moratorium_end = terms.moratorium_months;
  const int repayment_end = moratorium_end + terms.tenure_months;
  for (int year = 0; year < years; ++year) {
    const int first = 12 * year + 1;
    const int last = 12 * year + 12;
    by_year[static_cast<std::size_t>(year)] =
        payments.moratorium_payment * overlap(first, last, 1, moratorium_end) +
        payments.emi * overlap(first, last, moratorium_end + 1, repayment_end);
  }
  return by_year;
}

}  // namespace disha::roi
