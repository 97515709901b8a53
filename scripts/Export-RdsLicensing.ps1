<#
.SYNOPSIS
    Collects the Remote Desktop licensing facts of this machine into one JSON file for
    `rdslic import wmi`.

.DESCRIPTION
    On a license server (the default): the license server (Win32_TSLicenseServer: product ID,
    activation status, License Server ID, publication in Active Directory), every CAL key pack
    (Win32_TSLicenseKeyPack), the Windows version and the domain membership.

    With -SessionHost, on an RD Session Host: the licensing mode and the license servers in use
    (Win32_TerminalServiceSetting, root\cimv2\TerminalServices), whether Group Policy sets them,
    the grace-period days left, the policy registry values, the Windows version and the domain
    membership.

    With -ComputerName, the same session-host facts of each named computer, collected through
    PowerShell remoting (WinRM) and written into the same file: one run on the license server
    gives the whole picture. A computer that cannot be reached is reported and left out.

    The script only reads; it writes nothing but the output file. It collects no secret: WMI
    does not expose product keys or agreement numbers, and the activation contact details of
    Win32_TSLicenseServer (names, e-mail, address) are left out on purpose.

    Runs on Windows PowerShell 5.1 and PowerShell 7. Uses Get-CimInstance and falls back to
    Get-WmiObject where CIM is not available. Run it as an administrator: for other accounts
    the licensing provider returns empty properties.

.PARAMETER Path
    Output file. Default: rds-licensing-<COMPUTERNAME>.json in the current folder.

.PARAMETER SessionHost
    Collect the session-host side of this computer instead of the license-server side.

.PARAMETER ComputerName
    Session hosts to collect as well, through PowerShell remoting (Invoke-Command; WinRM and
    administrator rights on each host). Their sections go into the same file.

.PARAMETER SectionOnly
    Internal, used by -ComputerName: write this computer's session-host section as JSON to the
    output instead of a file.

.EXAMPLE
    .\Export-RdsLicensing.ps1
    # On the license server; then: rdslic import wmi rds-licensing-LICSRV01.json

.EXAMPLE
    .\Export-RdsLicensing.ps1 -ComputerName RDSH01, RDSH02 -Path C:\Temp\rds.json
    # On the license server: the license server and both session hosts in one file.

.EXAMPLE
    Invoke-Command -ComputerName RDSH01 -ScriptBlock { & C:\Tools\Export-RdsLicensing.ps1 -SessionHost -Path C:\Temp\rds.json }
    # On a session host where the script is installed, one file on that host. A switch such as
    # -SessionHost cannot be passed by position (Invoke-Command -FilePath ... -ArgumentList), so
    # call the script inside a script block, with named parameters.
#>
[CmdletBinding()]
param(
    [string]$Path,
    [switch]$SessionHost,
    [string[]]$ComputerName,
    [switch]$SectionOnly
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

$FormatVersion = 1
$LicensingNamespace = 'root\cimv2'
$SessionHostNamespace = 'root\cimv2\TerminalServices'
$PolicyKey = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services'
$KeyPackProperties = @(
    'KeyPackId', 'Description', 'KeyPackType', 'ProductType', 'ProductVersion', 'ProductVersionID',
    'TotalLicenses', 'IssuedLicenses', 'AvailableLicenses', 'ExpirationDate', 'AccessRights', 'TypeAndModel'
)

function Test-CimAvailable {
    return [bool](Get-Command -Name Get-CimInstance -ErrorAction SilentlyContinue)
}

# Instances of a class: CIM first, then WMI (with packet privacy, which the
# TerminalServices namespace requires).
function Get-Instances {
    param([string]$ClassName, [string]$Namespace)
    if (Test-CimAvailable) {
        try {
            return @(Get-CimInstance -Namespace $Namespace -ClassName $ClassName -ErrorAction Stop)
        } catch {
            Write-Verbose ("Get-CimInstance {0} failed ({1}); trying Get-WmiObject." -f $ClassName, $_.Exception.Message)
        }
    }
    return @(Get-WmiObject -Namespace $Namespace -Class $ClassName -Authentication PacketPrivacy -ErrorAction Stop)
}

# A static method of a class (Win32_TSLicenseServer's are all static).
function Invoke-StaticMethod {
    param([string]$ClassName, [string]$Namespace, [string]$MethodName)
    if (Test-CimAvailable) {
        try {
            return Invoke-CimMethod -Namespace $Namespace -ClassName $ClassName -MethodName $MethodName -ErrorAction Stop
        } catch {
            Write-Verbose ("Invoke-CimMethod {0}.{1} failed ({2}); trying Invoke-WmiMethod." -f $ClassName, $MethodName, $_.Exception.Message)
        }
    }
    try {
        return Invoke-WmiMethod -Namespace $Namespace -Class $ClassName -Name $MethodName -ErrorAction Stop
    } catch {
        Write-Warning ("{0}.{1}: {2}" -f $ClassName, $MethodName, $_.Exception.Message)
        return $null
    }
}

# A method of one instance (CIM instance or WMI object).
function Invoke-InstanceMethod {
    param($Instance, [string]$MethodName)
    try {
        if ($Instance -is [Microsoft.Management.Infrastructure.CimInstance]) {
            return Invoke-CimMethod -InputObject $Instance -MethodName $MethodName -ErrorAction Stop
        }
        # WMI adapter: the method returns an object holding the [out] parameters.
        return $Instance.PSObject.Methods[$MethodName].Invoke()
    } catch {
        Write-Warning ("{0}: {1}" -f $MethodName, $_.Exception.Message)
        return $null
    }
}

# A property, or $null when the object does not have it (strict mode would throw).
function Get-Value {
    param($Object, [string]$Name)
    if ($null -eq $Object) { return $null }
    $property = $Object.PSObject.Properties[$Name]
    if ($null -eq $property) { return $null }
    return $property.Value
}

# Dates in one culture-free form whatever the PowerShell version or the provider: CIM gives a
# DateTime, WMI a DMTF string.
function ConvertTo-IsoDate {
    param($Value)
    if ($null -eq $Value) { return $null }
    if ($Value -is [datetime]) { return $Value.ToString('yyyy-MM-ddTHH:mm:ss', [Globalization.CultureInfo]::InvariantCulture) }
    if ($Value -is [string] -and $Value -match '^\d{14}\.') {
        try {
            return ([Management.ManagementDateTimeConverter]::ToDateTime($Value)).ToString('yyyy-MM-ddTHH:mm:ss', [Globalization.CultureInfo]::InvariantCulture)
        } catch {
            return $Value
        }
    }
    return [string]$Value
}

function Get-MachineFacts {
    $os = @(Get-Instances -ClassName 'Win32_OperatingSystem' -Namespace 'root\cimv2')[0]
    $cs = @(Get-Instances -ClassName 'Win32_ComputerSystem' -Namespace 'root\cimv2')[0]
    $partOfDomain = [bool](Get-Value $cs 'PartOfDomain')
    $hostName = Get-Value $cs 'DNSHostName'
    if (-not $hostName) { $hostName = $env:COMPUTERNAME }
    $fqdn = $hostName
    if ($partOfDomain) { $fqdn = '{0}.{1}' -f $hostName, (Get-Value $cs 'Domain') }
    return [ordered]@{
        ComputerName    = $env:COMPUTERNAME
        Fqdn            = $fqdn
        OperatingSystem = [ordered]@{
            Caption     = Get-Value $os 'Caption'
            Version     = Get-Value $os 'Version'
            BuildNumber = Get-Value $os 'BuildNumber'
        }
        ComputerSystem  = [ordered]@{
            Domain       = Get-Value $cs 'Domain'
            PartOfDomain = $partOfDomain
        }
    }
}

function Get-LicenseServerSection {
    $server = @(Get-Instances -ClassName 'Win32_TSLicenseServer' -Namespace $LicensingNamespace)[0]
    $activation = Invoke-StaticMethod -ClassName 'Win32_TSLicenseServer' -Namespace $LicensingNamespace -MethodName 'GetActivationStatus'
    $status = Get-Value $activation 'ActivationStatus'
    $serverId = $null
    if ($status -eq 0) {
        $idResult = Invoke-StaticMethod -ClassName 'Win32_TSLicenseServer' -Namespace $LicensingNamespace -MethodName 'GetLicenseServerId'
        $serverId = Get-Value $idResult 'sLicenseServerId'
    }
    $published = Invoke-StaticMethod -ClassName 'Win32_TSLicenseServer' -Namespace $LicensingNamespace -MethodName 'IsLSPublished'
    $onDc = Invoke-StaticMethod -ClassName 'Win32_TSLicenseServer' -Namespace $LicensingNamespace -MethodName 'IsLSonDC'
    return [ordered]@{
        ProductId        = Get-Value $server 'ProductId'
        Version          = Get-Value $server 'Version'
        ServerRole       = Get-Value $server 'ServerRole'
        DatabasePath     = Get-Value $server 'DatabasePath'
        ActivationStatus = $status
        LicenseServerId  = $serverId
        IsLSPublished    = Get-Value $published 'Published'
        IsLSonDC         = Get-Value $onDc 'OnDC'
    }
}

function Get-KeyPackSection {
    $packs = New-Object System.Collections.ArrayList
    foreach ($pack in (Get-Instances -ClassName 'Win32_TSLicenseKeyPack' -Namespace $LicensingNamespace)) {
        $row = [ordered]@{}
        foreach ($name in $KeyPackProperties) { $row[$name] = Get-Value $pack $name }
        $row['ExpirationDate'] = ConvertTo-IsoDate $row['ExpirationDate']
        [void]$packs.Add($row)
    }
    return , $packs.ToArray()
}

function Get-SessionHostSection {
    $setting = @(Get-Instances -ClassName 'Win32_TerminalServiceSetting' -Namespace $SessionHostNamespace)[0]
    $list = Invoke-InstanceMethod -Instance $setting -MethodName 'GetSpecifiedLicenseServerList'
    $grace = Invoke-InstanceMethod -Instance $setting -MethodName 'GetGracePeriodDays'
    $policy = $null
    if (Test-Path -LiteralPath $PolicyKey) {
        $values = Get-ItemProperty -LiteralPath $PolicyKey
        $mode = Get-Value $values 'LicensingMode'
        $servers = Get-Value $values 'LicenseServers'
        if ($null -ne $mode -or $null -ne $servers) {
            $policy = [ordered]@{ LicensingMode = $mode; LicenseServers = $servers }
        }
    }
    $section = Get-MachineFacts
    $section['TerminalServiceSetting'] = [ordered]@{
        ServerName                           = Get-Value $setting 'ServerName'
        TerminalServerMode                   = Get-Value $setting 'TerminalServerMode'
        LicensingType                        = Get-Value $setting 'LicensingType'
        LicensingName                        = Get-Value $setting 'LicensingName'
        PolicySourceLicensingType            = Get-Value $setting 'PolicySourceLicensingType'
        PolicySourceConfiguredLicenseServers = Get-Value $setting 'PolicySourceConfiguredLicenseServers'
    }
    $section['SpecifiedLicenseServers'] = @(Get-Value $list 'SpecifiedLSList' | Where-Object { $_ })
    $section['GracePeriodDays'] = Get-Value $grace 'DaysLeft'
    $section['Policy'] = $policy
    return $section
}

# The session hosts named with -ComputerName: this script's own text runs on each of them with
# named parameters (so nothing has to be installed there, and no switch is passed by position),
# and sends back that host's section as JSON.
function Get-RemoteSessionHostSections {
    param([string[]]$Computers, [string]$Code)
    $sections = New-Object System.Collections.ArrayList
    foreach ($computer in $Computers) {
        try {
            $json = Invoke-Command -ComputerName $computer -ErrorAction Stop -ArgumentList $Code -ScriptBlock {
                param([string]$Collector)
                & ([scriptblock]::Create($Collector)) -SectionOnly
            }
            [void]$sections.Add((ConvertFrom-Json -InputObject ((@($json) | ForEach-Object { [string]$_ }) -join "`n")))
        } catch {
            Write-Warning ('{0}: not collected ({1}).' -f $computer, $_.Exception.Message)
        }
    }
    return , $sections.ToArray()
}

if ($SectionOnly) {
    ConvertTo-Json -InputObject (Get-SessionHostSection) -Depth 6
    return
}

if (-not $Path) { $Path = Join-Path -Path (Get-Location) -ChildPath ('rds-licensing-{0}.json' -f $env:COMPUTERNAME) }
$Path = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)

$document = Get-MachineFacts
$document.Insert(0, 'Format', 'rdslic-wmi')
$document.Insert(1, 'FormatVersion', $FormatVersion)
$document.Insert(2, 'CollectedAt', (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ', [Globalization.CultureInfo]::InvariantCulture))
$hostSections = @()
if ($SessionHost) {
    $hostSections = @(Get-SessionHostSection)
} else {
    $document['LicenseServer'] = Get-LicenseServerSection
    $document['KeyPacks'] = Get-KeyPackSection
}
if ($ComputerName) {
    $hostSections += Get-RemoteSessionHostSections -Computers $ComputerName -Code (Get-Content -LiteralPath $PSCommandPath -Raw)
}
if ($SessionHost -or $ComputerName) { $document['SessionHosts'] = @($hostSections) }

$json = ConvertTo-Json -InputObject $document -Depth 6
# UTF-8 without a byte order mark, the same on 5.1 and 7 (Out-File would write UTF-16 on 5.1).
[IO.File]::WriteAllText($Path, $json, (New-Object System.Text.UTF8Encoding -ArgumentList $false))
Write-Host ('Wrote {0}. Next: rdslic import wmi "{0}"' -f $Path)
