namespace Vorlagen.Api.Features.Papers;

/// <summary>
/// "Finanzielle Auswirkungen" as laid out in real Beschlussvorlagen (seed 004): stored as JSON with the paper.
/// Amounts in euro.
/// </summary>
public sealed record FinancialImpact(
    bool HasImpact,
    string? TreasuryCoordination,
    decimal? TotalCost,
    decimal? Income,
    decimal? OwnShare,
    decimal? ObjectRelatedIncome,
    int? BudgetYear,
    string? BudgetLine,
    bool OverPlannedExpenditure,
    bool UnplannedExpenditure,
    string? TreasuryStatement);
