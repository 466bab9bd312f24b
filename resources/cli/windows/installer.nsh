; The `dalel` command on Windows. electron-builder includes this file in the
; NSIS installer (electron-builder.yml, nsis.include): the installer puts
; $INSTDIR\bin (which holds dalel.cmd) on the user's PATH, the uninstaller
; takes it off again.
;
; The user's PATH is theirs: it is only ever appended to or has our one entry
; taken out, never rewritten otherwise. A PATH longer than the installer can
; hold (NSIS_MAX_STRLEN) is left exactly as it is, and the guide says how to
; run dalel.cmd from its folder instead. Tested by installing and uninstalling
; under Wine (electron/main/windowsCommand.test.ts).

!include "LogicLib.nsh"
!include "WinMessages.nsh"

!define DALEL_ENVIRONMENT "Environment"

; Tells running programs (Explorer, new consoles) that the PATH changed.
!macro dalelAnnouncePath
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
!macroend

; $R9 = "yes" when the user has a PATH value of their own, else "".
; ReadRegStr cannot tell a missing value from one too long for it.
!macro dalelUserPathExists
  StrCpy $R9 ""
  StrCpy $R8 0
  ${Do}
    ClearErrors
    EnumRegValue $R7 HKCU "${DALEL_ENVIRONMENT}" $R8
    ${If} ${Errors}
    ${OrIf} $R7 == ""
      ${Break}
    ${EndIf}
    ${If} $R7 == "Path"
      StrCpy $R9 "yes"
      ${Break}
    ${EndIf}
    IntOp $R8 $R8 + 1
  ${Loop}
!macroend

; $R9 = "yes" when the PATH in $R1 has the entry $R0 (compared as Windows
; does, without regard to case), else "".
!macro dalelPathHasEntry
  StrCpy $R9 ""
  StrCpy $R2 ";$R1;"
  StrCpy $R3 ";$R0;"
  StrLen $R4 $R2
  StrLen $R5 $R3
  IntOp $R4 $R4 - $R5
  StrCpy $R6 0
  ${While} $R6 <= $R4
    StrCpy $R7 $R2 $R5 $R6
    ${If} $R7 == $R3
      StrCpy $R9 "yes"
      ${Break}
    ${EndIf}
    IntOp $R6 $R6 + 1
  ${EndWhile}
!macroend

!macro dalelSaveRegisters
  Push $R0
  Push $R1
  Push $R2
  Push $R3
  Push $R4
  Push $R5
  Push $R6
  Push $R7
  Push $R8
  Push $R9
!macroend

!macro dalelRestoreRegisters
  Pop $R9
  Pop $R8
  Pop $R7
  Pop $R6
  Pop $R5
  Pop $R4
  Pop $R3
  Pop $R2
  Pop $R1
  Pop $R0
!macroend

!macro customInstall
  !insertmacro dalelSaveRegisters
  StrCpy $R0 "$INSTDIR\bin"
  ClearErrors
  ReadRegStr $R1 HKCU "${DALEL_ENVIRONMENT}" "Path"
  ${If} ${Errors}
    !insertmacro dalelUserPathExists
    ${If} $R9 == ""
      ; No PATH of the user's own: ours is the whole of it.
      WriteRegExpandStr HKCU "${DALEL_ENVIRONMENT}" "Path" "$R0"
      !insertmacro dalelAnnouncePath
    ${Else}
      DetailPrint "Your PATH is too long to change safely; it was left as it was."
    ${EndIf}
  ${Else}
    !insertmacro dalelPathHasEntry
    ${If} $R9 == ""
      StrLen $R2 $R1
      StrLen $R3 $R0
      IntOp $R2 $R2 + $R3
      IntOp $R2 $R2 + 2
      ${If} $R2 >= ${NSIS_MAX_STRLEN}
        DetailPrint "Your PATH is too long to change safely; it was left as it was."
      ${Else}
        ${If} $R1 == ""
          StrCpy $R1 "$R0"
        ${Else}
          StrCpy $R2 $R1 1 -1
          ${If} $R2 == ";"
            StrCpy $R1 "$R1$R0"
          ${Else}
            StrCpy $R1 "$R1;$R0"
          ${EndIf}
        ${EndIf}
        WriteRegExpandStr HKCU "${DALEL_ENVIRONMENT}" "Path" "$R1"
        !insertmacro dalelAnnouncePath
      ${EndIf}
    ${EndIf}
  ${EndIf}
  !insertmacro dalelRestoreRegisters
!macroend

!macro customUnInstall
  !insertmacro dalelSaveRegisters
  StrCpy $R0 "$INSTDIR\bin"
  ClearErrors
  ReadRegStr $R1 HKCU "${DALEL_ENVIRONMENT}" "Path"
  ${IfNot} ${Errors}
    ; Every entry but ours, in order, empty ones included.
    StrCpy $R2 ""
    StrCpy $R3 ""
    StrCpy $R5 ""
    StrCpy $R6 ""
    StrLen $R8 $R1
    StrCpy $R4 0
    ${Do}
      ${If} $R4 < $R8
        StrCpy $R7 $R1 1 $R4
      ${Else}
        StrCpy $R7 ";"
      ${EndIf}
      ${If} $R7 == ";"
        ${If} $R3 == $R0
          StrCpy $R6 "found"
        ${ElseIf} $R5 == ""
          StrCpy $R2 "$R3"
          StrCpy $R5 "kept"
        ${Else}
          StrCpy $R2 "$R2;$R3"
        ${EndIf}
        StrCpy $R3 ""
        ${If} $R4 >= $R8
          ${Break}
        ${EndIf}
      ${Else}
        StrCpy $R3 "$R3$R7"
      ${EndIf}
      IntOp $R4 $R4 + 1
    ${Loop}
    ${If} $R6 == "found"
      ${If} $R5 == ""
        DeleteRegValue HKCU "${DALEL_ENVIRONMENT}" "Path"
      ${Else}
        WriteRegExpandStr HKCU "${DALEL_ENVIRONMENT}" "Path" "$R2"
      ${EndIf}
      !insertmacro dalelAnnouncePath
    ${EndIf}
  ${EndIf}
  !insertmacro dalelRestoreRegisters
!macroend
