import type { MenuItemConstructorOptions } from 'electron';
import { format } from '../../common/messages/format';

/**
 * The application menu. "Toggle Developer Tools" exists only in development; a packaged app has
 * no way to open them (its windows are also created with `devTools: false`).
 */
export function menuTemplate({
  isPackaged,
  platform,
}: {
  isPackaged: boolean;
  platform: NodeJS.Platform;
}): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: format('main.menu.view'),
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
  ];
  if (platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}
