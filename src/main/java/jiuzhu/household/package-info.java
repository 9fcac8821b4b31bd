/**
 * Households (家庭) and their members: who belongs to an assistance household, their resident ID
 * numbers, and the results of the household economic-status verification (家庭经济状况核对) that
 * eligibility decisions read. Resident ID numbers, income, health and disability are sensitive personal
 * information under the Personal Information Protection Law, so the public types here never print them
 * whole: {@link jiuzhu.household.ResidentIdNumber} masks itself in {@code toString()} and in every error
 * message, and only {@code value()} hands out the full number, for the few places that must store or
 * compare it. The verification itself sits behind {@link jiuzhu.household.HouseholdVerification}
 * ({@code jiuzhu.verification.mode}: {@code built-in} or {@code http}); whatever it answers is kept by
 * {@link jiuzhu.household.VerificationRecords}, and an implementation that gets no answer throws rather than pass.
 */
package jiuzhu.household;
