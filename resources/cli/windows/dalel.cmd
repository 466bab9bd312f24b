@echo off
rem The `dalel` command of the installed app on Windows. The installer puts
rem this folder on the user's PATH (installer.nsh). Dalel.exe is a desktop
rem program: run from a command script, cmd waits for it and takes its exit
rem code, and Electron writes its output to this console (it attaches to the
rem console it was started from unless ELECTRON_NO_ATTACH_CONSOLE is set).
setlocal
set ELECTRON_NO_ATTACH_CONSOLE=
"%~dp0..\Dalel.exe" %*
exit /b %ERRORLEVEL%
