# The portal as a container: built with the .NET 10 SDK, run on the ASP.NET Core runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig SocialOrder.sln ./
COPY src/ src/
RUN dotnet publish src/SocialOrder.Web/SocialOrder.Web.csproj -c Release -o /app/publish

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# PDFs (receipts, protocols) embed DejaVu: the runtime image has no fonts of its own.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/publish .
RUN mkdir -p /app/data && chown -R app:app /app/data
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "SocialOrder.Web.dll"]
