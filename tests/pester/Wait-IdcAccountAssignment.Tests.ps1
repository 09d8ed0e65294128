BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $script:moto = Start-TestSession
    $script:access = New-TestAccessFixture -Moto $script:moto
}

AfterAll {
    Stop-TestSession $script:moto
}

Describe 'Wait-IdcAccountAssignment' {
    It 'waits for the pending requests that -NoWait returned' {
        $pending = Grant-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds -NoWait
        $pending | Should -HaveCount 3
        # The emulator finishes assignments at once; marked pending, they make the wait read each request's status.
        $pending | ForEach-Object { $_.Status = 'InProgress' }
        $done = $pending | Wait-IdcAccountAssignment
        $done | Should -HaveCount 3
        $done.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        ($done.RequestId | Sort-Object) | Should -Be ($pending.RequestId | Sort-Object)
    }

    It 'waits for revocations too' {
        $pending = Revoke-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds[0] -Force -NoWait
        $pending | Should -HaveCount 1
        $pending.RequestId | Should -Not -BeNullOrEmpty
        $pending | ForEach-Object { $_.Status = 'InProgress' }
        $done = $pending | Wait-IdcAccountAssignment
        $done.Operation | Should -Be 'Delete'
        $done.Status | Should -Be 'Succeeded'
        Test-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds[0] | Should -BeFalse
    }

    It 'passes finished results through unchanged' {
        $already = Grant-IdcAccountAccess -Group $script:access.GroupName -PermissionSet $script:access.PermissionSetName -Account $script:access.AccountIds[1]
        ($already | Wait-IdcAccountAssignment).Status | Should -Be 'AlreadyAssigned'
    }
}

Describe 'Wait-IdcAccountAssignment with more than one session' {
    It 'refuses requests another instance sent, saying to pass -Session, instead of reporting them unfinished' {
        $sender = Connect-IdcInstance -Sandbox -SandboxOperationDelay 0:0:0.5 -PassThru
        $null = New-IdcGroup -Session $sender -Name Ops
        $null = New-IdcPermissionSet -Session $sender -Predefined ReadOnlyAccess
        $pending = Grant-IdcAccountAccess -Session $sender -Group Ops -PermissionSet ReadOnlyAccess -Account prod -NoWait
        $other = Connect-IdcInstance -Sandbox -PassThru
        try {
            $done = $pending | Wait-IdcAccountAssignment -Session $other -ErrorVariable failures -ErrorAction SilentlyContinue

            $done | Should -BeNullOrEmpty
            $failures | Should -HaveCount 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'IdcAssignmentOtherInstance,IdcAdmin.Commands.AccountAssignment.WaitIdcAccountAssignmentCommand'
            $failures[0].Exception.Message | Should -Match '-Session'
            ($pending | Wait-IdcAccountAssignment -Session $sender).Status | Should -Be 'Succeeded'
        }
        finally {
            Disconnect-IdcInstance -Session $sender
            Disconnect-IdcInstance -Session $other
        }
    }
}
