/** Small line icons for the interface (no icon font, no emoji font needed); always decorative. */
const paths: Record<string, string> = {
  search: 'M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14z M21 21l-5-5',
  pin: 'M9 3h6 M10 3v6l-3 4h10l-3-4V3 M12 13v8',
  bell: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4z M10 20a2 2 0 0 0 4 0',
  bellOff: 'M6 16V11a6 6 0 0 1 9-5.2 M18 11v5l2 2H8 M10 20a2 2 0 0 0 4 0 M3 3l18 18',
  clip: 'M20 11l-8 8a5 5 0 0 1-7-7l8-8a3.5 3.5 0 0 1 5 5l-8 8a2 2 0 0 1-3-3l7-7',
  link: 'M10 14a4 4 0 0 0 6 0l3-3a4 4 0 0 0-6-6l-1 1 M14 10a4 4 0 0 0-6 0l-3 3a4 4 0 0 0 6 6l1-1',
  reply: 'M4 5h16v11H9l-5 4z',
  smile: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M8 14a5 5 0 0 0 8 0 M9 9.5h.01 M15 9.5h.01',
  trash: 'M4 7h16 M9 7V4h6v3 M6 7l1 13h10l1-13',
  edit: 'M4 20h4L19 9l-4-4L4 16z M13 7l4 4',
  hash: 'M9 4L7 20 M17 4l-2 16 M4 9h16 M3 15h16',
  mail: 'M3 6h18v12H3z M3 6l9 7l9-7',
  back: 'M15 5l-7 7l7 7',
  send: 'M4 12l16-8l-6 16l-3-7z',
  close: 'M6 6l12 12 M18 6L6 18',
  lock: 'M6 11h12v9H6z M8 11V8a4 4 0 0 1 8 0v3',
  lifebuoy: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8z M5.6 5.6l3.6 3.6 M14.8 14.8l3.6 3.6 M18.4 5.6l-3.6 3.6 M9.2 14.8l-3.6 3.6',
  eye: 'M2 12s4-7 10-7s10 7 10 7s-4 7-10 7S2 12 2 12z M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6z',
  clock: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M12 7v5l3 2',
  chart: 'M4 20V4 M4 20h16 M8 16v-5 M12 16V8 M16 16v-3',
  video: 'M3 7h12v10H3z M15 10l6-3v10l-6-3',
  calendar: 'M4 6h16v14H4z M4 10h16 M8 3v5 M16 3v5',
  copy: 'M9 9h11v11H9z M5 15H4V4h11v1',
  broadcast: 'M12 11a1 1 0 1 0 0 2a1 1 0 1 0 0-2z M8.5 8.5a5 5 0 0 0 0 7 M15.5 8.5a5 5 0 0 1 0 7 M5.6 5.6a9 9 0 0 0 0 12.8 M18.4 5.6a9 9 0 0 1 0 12.8',
};

export function Icon(props: { name: keyof typeof paths | string; size?: number }) {
  const size = props.size ?? 20;
  return (
    <svg class="ico" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"
      stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
      <path d={paths[props.name] ?? ''} />
    </svg>
  );
}
