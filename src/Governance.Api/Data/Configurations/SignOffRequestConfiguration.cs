using Governance.Domain.Scrutiny;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Api.Data.Configurations;

internal sealed class SignOffRequestConfiguration : IEntityTypeConfiguration<SignOffRequest>
{
    public void Configure(EntityTypeBuilder<SignOffRequest> builder) =>
        builder.HasIndex(s => new { s.SubjectType, s.SubjectId, s.Gate });
}
