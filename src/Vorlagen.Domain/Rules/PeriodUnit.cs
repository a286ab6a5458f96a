namespace Vorlagen.Domain.Rules;

public enum PeriodUnit
{
    Days,
    Weeks,
    Months,
}
