using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Governance.Api.Data;

/// <summary>Every instant is stored as UTC and read back marked as UTC, whatever the provider returns.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
