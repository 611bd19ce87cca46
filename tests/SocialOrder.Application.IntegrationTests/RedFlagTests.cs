using SocialOrder.Application.Common.Interfaces;
using SocialOrder.Application.Common.Results;
using SocialOrder.Application.RedFlags.GetCallRedFlags;
using SocialOrder.Infrastructure.Persistence;
using SocialOrder.Testing;

namespace SocialOrder.Application.IntegrationTests;

/// <summary>Red flags (ADR 28) on seeded bids: the seeder's organizations all record the same head and near-identical texts.</summary>
public sealed class RedFlagTests(PortalFactory app) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task SharedHead_AndNearDuplicateBids_AreFlaggedWithEvidence_ForTheBodyOnly()
    {
        var seeded = await EvaluationSeeder.SeedAsync(app.Services, 3, experts: 6, sheetsPerBid: 3, CancellationToken.None);
        var official = PortalFactory.Principal(Guid.NewGuid(), "flags@gov.kz", seeded.OfficialStateBodyId, Roles.Official);
        var observer = PortalFactory.Principal(Guid.NewGuid(), "flags.observer@gov.kz", seeded.OfficialStateBodyId, Roles.Observer);

        var flags = await app.SendAsync(new GetCallRedFlagsQuery(seeded.CallId), official);
        Assert.True(flags.IsSuccess);
        var head = Assert.Single(flags.Value.Flags, f => f.Kind == RedFlagKind.SharedHead);
        Assert.Equal(3, head.Organizations.Count);
        Assert.Equal("Руководитель", head.Evidence);
        var duplicates = flags.Value.Flags.Where(f => f.Kind == RedFlagKind.NearDuplicateBids).ToList();
        Assert.Equal(3, duplicates.Count);
        Assert.All(duplicates, d => Assert.True(double.Parse(d.Evidence, System.Globalization.CultureInfo.InvariantCulture) >= 0.8));
        Assert.DoesNotContain(flags.Value.Flags, f => f.Kind == RedFlagKind.RepeatFunding);

        Assert.True((await app.SendAsync(new GetCallRedFlagsQuery(seeded.CallId), observer)).IsSuccess);
        var stranger = PortalFactory.Principal(Guid.NewGuid(), "other@gov.kz", Guid.NewGuid(), Roles.Official);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetCallRedFlagsQuery(seeded.CallId), stranger)).Status);
        var applicant = PortalFactory.Principal(Guid.NewGuid(), "ngo@ngo.itest", Roles.Applicant);
        Assert.Equal(ResultStatus.NotFound, (await app.SendAsync(new GetCallRedFlagsQuery(seeded.CallId), applicant)).Status);
    }
}
